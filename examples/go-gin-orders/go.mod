module github.com/example/orders

go 1.22.3

require (
	github.com/gin-gonic/gin v1.10.0
	github.com/jackc/pgx/v5 v5.6.0
	github.com/redis/go-redis/v9 v9.5.1
)

require (
	github.com/bytedance/sonic v1.11.6 // indirect
	github.com/jackc/pgpassfile v1.0.0 // indirect
	github.com/lib/pq v1.10.9 // indirect
)
