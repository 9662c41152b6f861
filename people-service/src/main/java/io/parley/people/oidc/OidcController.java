package io.parley.people.oidc;

import java.net.URI;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseCookie;
import org.springframework.http.ResponseEntity;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * Sign-in through an OpenID Connect provider. Start and callback are browser navigations,
 * not fetches: every answer is a redirect (to the provider, back to {@code returnTo}, or
 * to {@code /signin?error=<code>}), never an error page and never a page on another site.
 */
@RestController
class OidcController {

    private static final Logger log = LoggerFactory.getLogger(OidcController.class);

    private final OidcProviders providers;

    private final OidcSignIns signIns;

    OidcController(OidcProviders providers, OidcSignIns signIns) {
        this.providers = providers;
        this.signIns = signIns;
    }

    record ProviderList(List<OidcProviders.Listed> providers) {
    }

    @GetMapping("/api/session/providers")
    ProviderList providers() {
        return new ProviderList(providers.listed());
    }

    @GetMapping("/api/session/oidc/{provider}/start")
    Mono<ResponseEntity<Void>> start(@PathVariable String provider, @RequestParam(required = false) String returnTo,
            ServerHttpRequest request) {
        return signIns
            .start(provider, ReturnPaths.sameSite(returnTo), null, BrowserBindingCookie.read(request), request)
            .map(started -> redirect(started.authorizationUrl(),
                    BrowserBindingCookie.issue(started.browser(), request)))
            .onErrorResume(error -> Mono.just(failed(provider, error)));
    }

    @GetMapping("/api/session/oidc/{provider}/callback")
    Mono<ResponseEntity<Void>> callback(@PathVariable String provider, @RequestParam(required = false) String code,
            @RequestParam(required = false) String state, @RequestParam(required = false) String error,
            ServerHttpRequest request) {
        return signIns.complete(provider, code, state, error, BrowserBindingCookie.read(request), request)
            .map(completed -> redirect(URI.create(completed.returnTo()), completed.session()))
            .onErrorResume(failure -> Mono.just(failed(provider, failure)));
    }

    private static ResponseEntity<Void> redirect(URI location, ResponseCookie cookie) {
        ResponseEntity.BodyBuilder answer = ResponseEntity.status(HttpStatus.FOUND)
            .location(location)
            .header(HttpHeaders.CACHE_CONTROL, "no-store");
        if (cookie != null) {
            answer.header(HttpHeaders.SET_COOKIE, cookie.toString());
        }
        return answer.build();
    }

    private static ResponseEntity<Void> failed(String provider, Throwable error) {
        String code;
        if (error instanceof OidcFailure failure) {
            code = failure.code();
            log.info("Sign-in through provider {} did not complete ({}): {}", OidcFailure.quote(provider), code,
                    failure.getMessage());
        }
        else {
            code = OidcFailure.FAILED;
            log.warn("Sign-in through provider {} failed", OidcFailure.quote(provider), error);
        }
        return redirect(URI.create("/signin?error=" + code), null);
    }

}
