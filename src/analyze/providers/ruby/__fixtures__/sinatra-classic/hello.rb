require 'sinatra'
require 'redis'

set :port, 4600
REDIS = Redis.new(url: ENV.fetch('REDIS_URL', 'redis://localhost:6379'))

get '/' do
  "visits: #{REDIS.incr('visits')}"
end
