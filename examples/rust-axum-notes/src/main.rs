use axum::{extract::State, routing::get, Json, Router};
use serde::Serialize;
use sqlx::PgPool;

#[derive(Serialize, sqlx::FromRow)]
struct Note {
    id: i64,
    body: String,
}

#[tokio::main]
async fn main() {
    tracing_subscriber::fmt::init();
    let url = std::env::var("DATABASE_URL").expect("DATABASE_URL must be set");
    let pool = PgPool::connect(&url).await.expect("database");
    let app = Router::new()
        .route("/health", get(|| async { "ok" }))
        .route("/notes", get(list))
        .with_state(pool);
    let listener = tokio::net::TcpListener::bind("0.0.0.0:3000").await.unwrap();
    axum::serve(listener, app).await.unwrap();
}

async fn list(State(pool): State<PgPool>) -> Json<Vec<Note>> {
    let notes = sqlx::query_as::<_, Note>("select id, body from notes order by id")
        .fetch_all(&pool)
        .await
        .unwrap_or_default();
    Json(notes)
}
