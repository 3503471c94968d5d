package main

import (
	"flag"
	"log"
	"net/http"
	"os"
)

func main() {
	addr := flag.String("addr", "127.0.0.1:7070", "listen address")
	dbPort := flag.Int("db-port", 3306, "database port")
	flag.Parse()
	_ = dbPort
	token, _ := os.LookupEnv("STATUSD_TOKEN")
	_ = token
	log.Fatal(http.ListenAndServe(*addr, nil))
}
