package main

import (
	"context"
	"log"
	"net/http"
	"os"

	"github.com/example/orders/internal/store"
	"github.com/gin-gonic/gin"
)

func main() {
	db, err := store.Open(context.Background())
	if err != nil {
		log.Fatalf("database: %v", err)
	}
	r := gin.New()
	r.Use(gin.Recovery())
	r.GET("/healthz", func(c *gin.Context) { c.JSON(http.StatusOK, gin.H{"status": "ok"}) })
	r.GET("/orders/:id", func(c *gin.Context) {
		order, err := db.Order(c, c.Param("id"))
		if err != nil {
			c.JSON(http.StatusNotFound, gin.H{"error": "not found"})
			return
		}
		c.JSON(http.StatusOK, order)
	})

	port := os.Getenv("PORT")
	if port == "" {
		port = "8080"
	}
	log.Fatal(r.Run(":" + port))
}
