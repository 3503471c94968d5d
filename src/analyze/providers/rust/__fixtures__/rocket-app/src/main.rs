#[macro_use] extern crate rocket;

#[get("/")]
fn index() -> &'static str { "hi" }

#[launch]
fn rocket() -> _ { rocket::build().mount("/", routes![index]) }
