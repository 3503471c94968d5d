print("maintenance script")
