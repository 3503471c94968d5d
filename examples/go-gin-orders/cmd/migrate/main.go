package main

import (
	"context"
	"log"

	"github.com/example/orders/internal/store"
)

func main() {
	db, err := store.Open(context.Background())
	if err != nil {
		log.Fatal(err)
	}
	if err := db.Migrate(context.Background()); err != nil {
		log.Fatal(err)
	}
}
