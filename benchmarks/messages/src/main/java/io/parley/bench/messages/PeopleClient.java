package io.parley.bench.messages;

import java.time.Duration;

import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpMethod;
import reactor.core.publisher.Mono;
import reactor.netty.ByteBufFlux;
import reactor.netty.http.client.HttpClient;
import reactor.netty.resources.ConnectionProvider;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * people-service's HTTP API as the benchmark uses it: keep-alive connections from one pool, Netty event loops, so a
 * send costs the generator little CPU. What is measured (sends, calls, answers, hang-ups) goes through the gateway,
 * as a browser's requests do; the setup (sign-ups, sign-ins, contacts) goes to people-service directly, where the
 * gateway's 5 s time limit cannot fail a cold service's first Argon2id hashes on a busy machine. Setup calls block;
 * the load's do not.
 */
final class PeopleClient {

    static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Duration SETUP_TIMEOUT = Duration.ofSeconds(60);

    /** An answer: status and body (empty when there is none). */
    record Answer(int status, String body) {

        JsonNode json() {
            return JSON.readTree(body);
        }

        Answer expect(int expected, String what) {
            if (status != expected) {
                throw new IllegalStateException(what + ": HTTP " + status + " " + body);
            }
            return this;
        }
    }

    /** A signed-in device: its account and access token. */
    record SignedIn(String accountId, String email, String accessToken) {
    }

    private final HttpClient gateway;
    private final HttpClient direct;
    private final ConnectionProvider connections;

    PeopleClient(String gatewayUrl, String peopleServiceUrl) {
        connections = ConnectionProvider.builder("people").maxConnections(512).pendingAcquireMaxCount(-1).build();
        HttpClient http = HttpClient.create(connections).responseTimeout(Duration.ofSeconds(30));
        gateway = http.baseUrl(gatewayUrl);
        direct = http.baseUrl(peopleServiceUrl);
    }

    void close() {
        connections.disposeLater().block(Duration.ofSeconds(10));
    }

    private static Mono<Answer> exchange(HttpClient http, HttpMethod method, String path, String token, String body) {
        var sender = http.headers(headers -> {
            if (token != null) {
                headers.set(HttpHeaderNames.AUTHORIZATION, "Bearer " + token);
            }
            if (body != null) {
                headers.set(HttpHeaderNames.CONTENT_TYPE, "application/json");
            }
        }).request(method).uri(path);
        var receiver = body == null ? sender : sender.send(ByteBufFlux.fromString(Mono.just(body)));
        return receiver.responseSingle((response, content) -> content.asString().defaultIfEmpty("")
            .map(text -> new Answer(response.status().code(), text)));
    }

    private Answer call(HttpMethod method, String path, String token, String body) {
        return exchange(direct, method, path, token, body).block(SETUP_TIMEOUT);
    }

    SignedIn signUp(String email, String password) {
        JsonNode json = call(HttpMethod.POST, "/api/accounts", null, String.format(
                "{\"email\":\"%s\",\"displayName\":\"%s\",\"password\":\"%s\"}", email, email.split("@")[0], password))
            .expect(201, "sign-up of " + email).json();
        return new SignedIn(json.path("account").path("accountId").asString(), email,
                json.path("accessToken").asString());
    }

    /** Another sign-in (another device, another session) of an account. */
    SignedIn signIn(SignedIn account, String password) {
        JsonNode json = call(HttpMethod.POST, "/api/session", null, String.format(
                "{\"email\":\"%s\",\"password\":\"%s\"}", account.email(), password))
            .expect(200, "sign-in of " + account.email()).json();
        return new SignedIn(account.accountId(), account.email(), json.path("accessToken").asString());
    }

    /** {@code from} asks {@code to} by email, {@code to} accepts; answers the contact id, the same for both. */
    String makeContacts(SignedIn from, SignedIn to) {
        call(HttpMethod.POST, "/api/contacts/requests", from.accessToken(),
                String.format("{\"email\":\"%s\"}", to.email())).expect(202, "contact request");
        String requestId = null;
        for (JsonNode request : call(HttpMethod.GET, "/api/contacts/requests", to.accessToken(), null)
            .expect(200, "incoming requests").json().path("incoming")) {
            if (request.path("from").path("accountId").asString().equals(from.accountId())) {
                requestId = request.path("requestId").asString();
            }
        }
        if (requestId == null) {
            throw new IllegalStateException("The request from " + from.email() + " did not reach " + to.email());
        }
        return call(HttpMethod.POST, "/api/contacts/requests/" + requestId + "/accept", to.accessToken(), null)
            .expect(201, "accept").json().path("contactId").asString();
    }

    Mono<Answer> send(String token, String contactId, String clientMessageId, String text) {
        return exchange(gateway, HttpMethod.POST, "/api/contacts/" + contactId + "/messages", token,
                "{\"clientMessageId\":\"" + clientMessageId + "\",\"text\":\"" + text + "\"}");
    }

    Mono<Answer> startCall(String token, String contactId) {
        return exchange(gateway, HttpMethod.POST, "/api/contacts/" + contactId + "/calls", token, null);
    }

    Mono<Answer> answer(String token, String callId) {
        return exchange(gateway, HttpMethod.POST, "/api/calls/" + callId + "/answer", token, null);
    }

    Mono<Answer> hangUp(String token, String callId) {
        return exchange(gateway, HttpMethod.DELETE, "/api/calls/" + callId, token, null);
    }
}
