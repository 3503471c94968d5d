package com.example.clinic;

import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
public class AppointmentController {
    private final String clinicName = System.getenv("CLINIC_NAME");

    @GetMapping("/appointments")
    public List<String> appointments() {
        return List.of("09:00 " + (clinicName == null ? "clinic" : clinicName));
    }
}
