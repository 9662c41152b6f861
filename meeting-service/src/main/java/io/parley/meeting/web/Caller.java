package io.parley.meeting.web;

import java.util.Optional;

/**
 * Who sent a request, as its headers tell: the client's address, the bearer token and the
 * API key it carries. The controllers receive it as an argument ({@link CallerResolver}),
 * so nothing below them reads HTTP. Nothing in it is verified yet: each rule checks the
 * credential it needs where its order of checks says (a host control answers "ended"
 * before it looks at the token, whose revocation the end caused).
 *
 * @param address the client's address ({@link ClientAddress})
 * @param bearerToken the {@code Authorization: Bearer} token (or {@code access_token}
 * parameter), if any
 * @param apiKey the {@code X-Api-Key} header, if any
 */
public record Caller(String address, Optional<String> bearerToken, Optional<String> apiKey) {

    public static final String API_KEY_HEADER = "X-Api-Key";

}
