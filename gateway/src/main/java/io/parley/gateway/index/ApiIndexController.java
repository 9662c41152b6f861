package io.parley.gateway.index;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api}: what the platform offers, for people and tools exploring it. */
@RestController
class ApiIndexController {

    record Endpoint(String method, String path, String service, String description) {
    }

    private static final List<Endpoint> ENDPOINTS = Arrays.stream(PublicEndpoint.values())
        .map(e -> new Endpoint(e.method(), e.path(), e.service(), e.description()))
        .toList();

    @GetMapping({ "/api", "/api/" })
    Map<String, Object> index() {
        return Map.of("name", "Parley", "description", "Self-hostable video meetings", "endpoints", ENDPOINTS);
    }

}
