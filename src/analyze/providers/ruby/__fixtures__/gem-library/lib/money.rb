module Money; end
