package io.parley.people.session;

import java.time.Instant;

import io.parley.people.account.Account;
import io.parley.people.account.PasswordRules;
import io.parley.people.web.Inputs;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * Sign up, sign in, refresh and sign out (PEOPLE.md §3): the only people endpoints
 * without an access token.
 */
@RestController
class SignInController {

    private final SignIns signIns;

    private final Sessions sessions;

    private final SessionCookies cookies;

    private final PasswordRules passwordRules;

    SignInController(SignIns signIns, Sessions sessions, SessionCookies cookies, PasswordRules passwordRules) {
        this.signIns = signIns;
        this.sessions = sessions;
        this.cookies = cookies;
        this.passwordRules = passwordRules;
    }

    /**
     * {@code invitation}: an organization invitation's token, which {@code invite-only}
     * servers ask for.
     */
    record SignUpRequest(String email, String displayName, String password, String invitation) {
    }

    record SignInRequest(String email, String password) {
    }

    /** The body of every successful sign-up, sign-in and refresh. */
    record SignedInResponse(Account.View account, String accessToken, Instant expiresAt) {
    }

    @PostMapping("/api/accounts")
    Mono<ResponseEntity<SignedInResponse>> signUp(@RequestBody SignUpRequest body, ServerHttpRequest request) {
        Inputs inputs = new Inputs();
        String email = inputs.email("email", body.email());
        String name = inputs.name("displayName", body.displayName());
        String password = passwordRules.newPassword(inputs, "password", body.password());
        inputs.validate();
        return signIns.signUp(email, name, password, body.invitation(), SignIns.Device.of(request))
            .map(signedIn -> answer(HttpStatus.CREATED, signedIn, request));
    }

    @PostMapping("/api/session")
    Mono<ResponseEntity<SignedInResponse>> signIn(@RequestBody SignInRequest body, ServerHttpRequest request) {
        Inputs inputs = new Inputs();
        String email = inputs.email("email", body.email());
        String password = inputs.password("password", body.password());
        inputs.validate();
        return signIns.signIn(email, password, SignIns.Device.of(request))
            .map(signedIn -> answer(HttpStatus.OK, signedIn, request));
    }

    @PostMapping("/api/session/refresh")
    Mono<ResponseEntity<SignedInResponse>> refresh(ServerHttpRequest request) {
        return Mono.justOrEmpty(cookies.read(request))
            .flatMap(signIns::refresh)
            .switchIfEmpty(Mono.defer(() -> signIns.refresh("")))
            .map(signedIn -> answer(HttpStatus.OK, signedIn, request));
    }

    @DeleteMapping("/api/session")
    Mono<ResponseEntity<Void>> signOut(ServerHttpRequest request) {
        return Mono.justOrEmpty(cookies.read(request))
            .flatMap(sessions::signOut)
            .then(Mono.fromSupplier(() -> ResponseEntity.noContent()
                .header(HttpHeaders.SET_COOKIE, cookies.clear(request).toString())
                .<Void>build()));
    }

    private ResponseEntity<SignedInResponse> answer(HttpStatus status, SignIns.SignedIn signedIn,
            ServerHttpRequest request) {
        return ResponseEntity.status(status)
            .header(HttpHeaders.SET_COOKIE, cookies.issue(signedIn.refreshToken(), request).toString())
            .header(HttpHeaders.CACHE_CONTROL, "no-store")
            .body(new SignedInResponse(signedIn.account().view(), signedIn.access().token(),
                    signedIn.access().expiresAt()));
    }

}
