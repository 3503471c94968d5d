fn main() { let _ = std::env::var("AMQP_ADDR"); }
