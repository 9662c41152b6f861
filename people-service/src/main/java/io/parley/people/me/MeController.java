package io.parley.people.me;

import java.util.List;
import java.util.UUID;

import io.parley.people.account.PasswordRules;
import io.parley.people.session.Caller;
import io.parley.people.session.Session;
import io.parley.people.session.Sessions;
import io.parley.people.web.Inputs;
import io.parley.people.web.PeopleProblem;
import io.parley.tokens.BearerTokens;
import org.springframework.http.ResponseEntity;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** The signed-in person's own account and sessions (PEOPLE.md §3, {@code /api/me}). */
@RestController
class MeController {

    private final Profiles profiles;

    private final Sessions sessions;

    private final PasswordRules passwordRules;

    MeController(Profiles profiles, Sessions sessions, PasswordRules passwordRules) {
        this.profiles = profiles;
        this.sessions = sessions;
        this.passwordRules = passwordRules;
    }

    record Rename(String displayName) {
    }

    record PasswordChange(String currentPassword, String newPassword) {
    }

    record Deletion(String password) {
    }

    record SessionList(List<Session.View> sessions) {
    }

    @GetMapping("/api/me")
    Mono<Profiles.Profile> me(Caller caller) {
        return profiles.profile(caller.accountId());
    }

    @PatchMapping("/api/me")
    Mono<Profiles.Profile> rename(Caller caller, @RequestBody Rename body) {
        Inputs inputs = new Inputs();
        String name = inputs.name("displayName", body.displayName());
        inputs.validate();
        return profiles.rename(caller.accountId(), name).then(profiles.profile(caller.accountId()));
    }

    @PostMapping("/api/me/password")
    Mono<ResponseEntity<Void>> changePassword(Caller caller, @RequestBody PasswordChange body) {
        Inputs inputs = new Inputs();
        String current = inputs.password("currentPassword", body.currentPassword());
        String next = passwordRules.newPassword(inputs, "newPassword", body.newPassword());
        inputs.validate();
        return profiles.changePassword(caller, current, next).thenReturn(ResponseEntity.noContent().build());
    }

    @GetMapping("/api/me/sessions")
    Mono<SessionList> sessions(Caller caller) {
        return sessions.liveOf(caller.accountId())
            .map(session -> session.view(caller.sessionId().toString()))
            .collectList()
            .map(SessionList::new);
    }

    @DeleteMapping("/api/me/sessions/{sessionId}")
    Mono<ResponseEntity<Void>> revoke(Caller caller, @PathVariable String sessionId) {
        UUID id = uuid(sessionId);
        return sessions.revoke(caller.accountId(), id, "revoked-by-owner")
            .filter(Boolean::booleanValue)
            .switchIfEmpty(Mono.error(() -> PeopleProblem.notFound("No such session of yours (or it already ended).")))
            .thenReturn(ResponseEntity.noContent().build());
    }

    @DeleteMapping("/api/me/sessions")
    Mono<ResponseEntity<Void>> revokeAll(Caller caller) {
        return profiles.signOutEverywhere(caller.accountId()).thenReturn(ResponseEntity.noContent().build());
    }

    /**
     * The caller's own token goes on to recording-service, which lists the recordings it
     * lets that token read (the {@link Caller} checked it).
     */
    @GetMapping("/api/me/export")
    Mono<ResponseEntity<Profiles.Export>> export(Caller caller, ServerHttpRequest request) {
        String accessToken = BearerTokens.resolve(request)
            .orElseThrow(() -> PeopleProblem.unauthorized("Sign in first: an access token is required."));
        return profiles.export(caller, accessToken)
            .map(export -> ResponseEntity.ok()
                .header("Content-Disposition", "attachment; filename=\"parley-account.json\"")
                .body(export));
    }

    /**
     * No body is fine for an account without a password (see {@code JsonDeleteBodies}).
     */
    @DeleteMapping("/api/me")
    Mono<ResponseEntity<Void>> delete(Caller caller, @RequestBody(required = false) Deletion body) {
        return profiles.delete(caller, body == null ? null : body.password())
            .thenReturn(ResponseEntity.noContent().build());
    }

    private static UUID uuid(String value) {
        try {
            return UUID.fromString(value);
        }
        catch (IllegalArgumentException ex) {
            throw PeopleProblem.notFound("No such session of yours (or it already ended).");
        }
    }

}
