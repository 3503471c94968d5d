package main

import (
	"context"
	"log"
	"os"
	"os/signal"
	"syscall"
	"time"

	"github.com/redis/go-redis/v9"
)

func main() {
	opts, err := redis.ParseURL(envOr("REDIS_URL", "redis://localhost:6379/0"))
	if err != nil {
		log.Fatalf("REDIS_URL: %v", err)
	}
	rdb := redis.NewClient(opts)
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	log.Println("worker: waiting for resize jobs")
	for ctx.Err() == nil {
		res, err := rdb.BLPop(ctx, 5*time.Second, "resize").Result()
		if err == redis.Nil || ctx.Err() != nil {
			continue
		}
		if err != nil {
			log.Printf("redis: %v", err)
			time.Sleep(time.Second)
			continue
		}
		log.Printf("resizing images of product %s", res[1])
	}
}

func envOr(name, fallback string) string {
	if v := os.Getenv(name); v != "" {
		return v
	}
	return fallback
}
