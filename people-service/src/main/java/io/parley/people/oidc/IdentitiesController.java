package io.parley.people.oidc;

import java.time.Duration;
import java.util.List;

import io.parley.people.session.Caller;
import io.parley.people.web.PeopleProblem;
import io.parley.support.problem.Problems;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * The provider identities linked to the signed-in person's account
 * ({@code /api/me/identities}).
 */
@RestController
class IdentitiesController {

    private final OidcSignIns signIns;

    private final ExternalIdentities identities;

    IdentitiesController(OidcSignIns signIns, ExternalIdentities identities) {
        this.signIns = signIns;
        this.identities = identities;
    }

    record LinkStarted(String authorizationUrl) {
    }

    record IdentityList(List<ExternalIdentities.Identity> identities) {
    }

    /**
     * Starts linking: the web client sends the browser to {@code authorizationUrl}, and
     * the callback links whoever signs in at the provider to this account. The cookie
     * binding the flow to this browser comes with the answer.
     */
    @PostMapping("/api/me/identities/{provider}")
    Mono<ResponseEntity<LinkStarted>> link(Caller caller, @PathVariable String provider,
            @RequestParam(required = false) String returnTo, ServerHttpRequest request) {
        return signIns
            .start(provider, ReturnPaths.sameSite(returnTo), caller.accountId(), BrowserBindingCookie.read(request),
                    request)
            .onErrorMap(OidcFailure.class, IdentitiesController::problem)
            .map(started -> ResponseEntity.ok()
                .header(HttpHeaders.SET_COOKIE, BrowserBindingCookie.issue(started.browser(), request).toString())
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .body(new LinkStarted(started.authorizationUrl().toString())));
    }

    @GetMapping("/api/me/identities")
    Mono<IdentityList> list(Caller caller) {
        return identities.of(caller.accountId()).collectList().map(IdentityList::new);
    }

    @DeleteMapping("/api/me/identities/{provider}")
    Mono<ResponseEntity<Void>> unlink(Caller caller, @PathVariable String provider) {
        return identities.unlink(caller.accountId(), provider).map(unlinked -> switch (unlinked) {
            case UNLINKED -> ResponseEntity.noContent().build();
            case NOT_LINKED -> throw PeopleProblem.notFound("No identity at this provider is linked to your account.");
            case LAST_SIGN_IN_METHOD -> throw PeopleProblem.conflict("last-sign-in-method",
                    "This is the only way to sign in to your account; link another provider first.");
        });
    }

    private static ErrorResponseException problem(OidcFailure failure) {
        return failure.code().equals(OidcFailure.PROVIDER_UNKNOWN) ? PeopleProblem.notFound("No such sign-in provider.")
                : Problems.unavailable("The sign-in provider cannot be reached; try again shortly.",
                        Duration.ofSeconds(5), failure);
    }

}
