plugins {
    alias(libs.plugins.spring.boot)
    alias(libs.plugins.kotlin.jvm)
}

version = "1.1.0"

kotlin {
    jvmToolchain(21)
}

dependencies {
    implementation(libs.boot.web)
    implementation(libs.boot.actuator)
    runtimeOnly(libs.pg)
}
