print("a package module, not an app")
