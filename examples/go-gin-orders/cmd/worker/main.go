package main

import (
	"context"
	"log"
	"os"
	"time"

	"github.com/redis/go-redis/v9"
)

func main() {
	rdb := redis.NewClient(&redis.Options{Addr: os.Getenv("REDIS_ADDR")})
	for {
		res, err := rdb.BLPop(context.Background(), 5*time.Second, "order-events").Result()
		if err != nil {
			continue
		}
		log.Printf("order event: %s", res[1])
	}
}
