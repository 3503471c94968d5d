#[tokio::main]
async fn main() {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:4000").await.unwrap();
    let _ = listener;
}
