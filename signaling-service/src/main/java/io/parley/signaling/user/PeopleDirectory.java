package io.parley.signaling.user;

import io.parley.signaling.SignalingProperties;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;

/**
 * What a device needs to catch up, asked of people-service with the device's own access
 * token: its contacts (with unread counts and each conversation's last message, whose
 * sequence tells the device what it missed) and the calls ringing for it now.
 */
@Component
class PeopleDirectory {

    private final WebClient client;

    private final SignalingProperties.Users settings;

    PeopleDirectory(ObjectProvider<WebClient.Builder> builder, SignalingProperties properties) {
        this.settings = properties.users();
        this.client = builder.getIfAvailable(WebClient::builder)
            .baseUrl(settings.peopleServiceUri().toString())
            .build();
    }

    Mono<JsonNode> contacts(String rawToken) {
        return get("/api/contacts", rawToken);
    }

    Mono<JsonNode> ringingCalls(String rawToken) {
        return get("/api/calls?state=ringing", rawToken);
    }

    private Mono<JsonNode> get(String path, String rawToken) {
        return client.get()
            .uri(path)
            .header(HttpHeaders.AUTHORIZATION, "Bearer " + rawToken)
            .retrieve()
            .bodyToMono(JsonNode.class)
            .timeout(settings.catchUpTimeout());
    }

}
