use actix_web::{get, post, web, App, HttpResponse, HttpServer};

#[get("/healthz")]
async fn healthz() -> HttpResponse {
    HttpResponse::Ok().body("ok")
}

#[post("/thumbnail")]
async fn thumbnail(body: web::Bytes) -> HttpResponse {
    match image::load_from_memory(&body) {
        Ok(img) => {
            let mut out = std::io::Cursor::new(Vec::new());
            img.thumbnail(128, 128).write_to(&mut out, image::ImageFormat::Png).unwrap();
            HttpResponse::Ok().content_type("image/png").body(out.into_inner())
        }
        Err(_) => HttpResponse::BadRequest().body("not an image"),
    }
}

#[actix_web::main]
async fn main() -> std::io::Result<()> {
    let port: u16 = std::env::var("APP_PORT").expect("APP_PORT must be set").parse().expect("APP_PORT must be a number");
    HttpServer::new(|| App::new().service(healthz).service(thumbnail))
        .bind(("0.0.0.0", port))?
        .run()
        .await
}
