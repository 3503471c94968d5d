require "sinatra/base"
require "faraday"
require "json"

class SearchApp < Sinatra::Base
  ES = Faraday.new(url: ENV.fetch("ELASTICSEARCH_URL", "http://localhost:9200"))

  get "/health" do
    "ok"
  end

  get "/search" do
    content_type :json
    res = ES.post("/articles/_search", { query: { match: { body: params["q"].to_s } } }.to_json, "Content-Type" => "application/json")
    hits = JSON.parse(res.body).dig("hits", "hits") || []
    hits.map { |h| h["_source"]["title"] }.to_json
  end
end
