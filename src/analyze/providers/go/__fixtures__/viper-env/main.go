package main

import (
	"log"
	"net"
	"net/http"

	"github.com/spf13/viper"
)

type Config struct {
	HTTPServerAddress string `mapstructure:"HTTP_SERVER_ADDRESS"`
}

func main() {
	viper.AddConfigPath(".")
	viper.SetConfigName("app")
	viper.SetConfigType("env")
	viper.AutomaticEnv()
	var cfg Config
	if err := viper.ReadInConfig(); err != nil {
		log.Fatal(err)
	}
	_ = viper.Unmarshal(&cfg)
	ln, err := net.Listen("tcp", cfg.HTTPServerAddress)
	if err != nil {
		log.Fatal(err)
	}
	log.Fatal(http.Serve(ln, nil))
}
