package com.example.clinic;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;

@SpringBootTest
class ClinicApplicationTests {
    @Test
    void contextLoads() {
    }
}
