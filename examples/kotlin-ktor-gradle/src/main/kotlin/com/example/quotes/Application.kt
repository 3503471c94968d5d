package com.example.quotes

import io.ktor.server.application.*
import io.ktor.server.engine.*
import io.ktor.server.netty.*
import io.ktor.server.response.*
import io.ktor.server.routing.*

fun main() {
    val port = System.getenv("PORT")?.toInt() ?: 8080
    embeddedServer(Netty, port = port, host = "0.0.0.0", module = Application::module).start(wait = true)
}

fun Application.module() {
    val mongoUrl = System.getenv("MONGODB_URI") ?: "mongodb://localhost:27017"
    routing {
        get("/health") { call.respondText("ok") }
        get("/quote") { call.respondText("Simplicity is prerequisite for reliability. ($mongoUrl)") }
    }
}
