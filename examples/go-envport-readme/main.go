// pinger answers health probes for the legacy load balancer.
package main

import (
	"fmt"
	"log"
	"net/http"
	"os"
)

func main() {
	port := os.Getenv("PORT")
	if port == "" {
		log.Fatal("PORT must be set")
	}
	http.HandleFunc("/ping", func(w http.ResponseWriter, r *http.Request) {
		fmt.Fprintln(w, "pong")
	})
	log.Printf("pinger on :%s", port)
	log.Fatal(http.ListenAndServe(":"+port, nil))
}
