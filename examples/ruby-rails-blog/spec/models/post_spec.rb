require "rails_helper"

RSpec.describe Post do
  it "needs a title" do
    expect(Post.new(title: nil)).not_to be_valid
  end
end
