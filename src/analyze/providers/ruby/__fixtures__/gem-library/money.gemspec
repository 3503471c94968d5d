Gem::Specification.new do |s|
  s.name = "money-cents"
  s.version = "0.1.0"
  s.files = ["lib/money.rb"]
end
