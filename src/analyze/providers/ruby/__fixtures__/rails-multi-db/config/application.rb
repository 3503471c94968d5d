require_relative "boot"
require "rails"
module Legacy
  class Application < Rails::Application
  end
end
