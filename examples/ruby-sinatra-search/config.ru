require_relative "app"
run SearchApp
