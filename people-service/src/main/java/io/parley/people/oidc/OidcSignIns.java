package io.parley.people.oidc;

import java.net.URI;
import java.time.Clock;
import java.util.UUID;

import io.parley.people.PeopleMetrics;
import io.parley.people.PeopleProperties;
import io.parley.people.account.Account;
import io.parley.people.account.AccountStore;
import io.parley.people.session.ExternalSignIns;
import io.parley.people.web.ClientAddress;
import io.parley.people.web.Inputs;
import io.parley.people.web.PeopleProblem;
import org.springframework.http.ResponseCookie;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.stereotype.Component;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;

/**
 * Sign-in and linking through an OpenID Connect provider (PEOPLE.md §2), authorization
 * code with PKCE. The person at the provider is the pair (issuer, {@code sub}) and never
 * an email address: a known pair signs in to its account; an unknown one gets a new
 * account, but only with an email the provider verified and that no account has yet. An
 * existing account is joined to a provider only by linking while signed in to it, because
 * matching by email would let any provider that vouches for an address take over the
 * account that uses it.
 */
@Component
class OidcSignIns {

    private static final String CALLBACK = "/api/session/oidc/%s/callback";

    private final OidcProviders providers;

    private final OidcFlows flows;

    private final ProviderTokens tokens;

    private final ExternalIdentities identities;

    private final AccountStore accounts;

    private final ExternalSignIns signIns;

    private final TransactionalOperator transaction;

    private final PeopleMetrics metrics;

    private final URI redirectBaseUri;

    private final Clock clock;

    OidcSignIns(OidcProviders providers, OidcFlows flows, ProviderTokens tokens, ExternalIdentities identities,
            AccountStore accounts, ExternalSignIns signIns, TransactionalOperator transaction, PeopleMetrics metrics,
            PeopleProperties properties, Clock clock) {
        this.providers = providers;
        this.flows = flows;
        this.tokens = tokens;
        this.identities = identities;
        this.accounts = accounts;
        this.signIns = signIns;
        this.transaction = transaction;
        this.metrics = metrics;
        this.redirectBaseUri = properties.oidc().redirectBaseUri();
        this.clock = clock;
    }

    /**
     * Where the browser goes once the provider is done: {@code returnTo}, with a session
     * cookie unless it linked.
     */
    record Completed(String returnTo, ResponseCookie session) {
    }

    /**
     * Starts a flow at the provider: a sign-in, or with {@code linkTo} the linking of the
     * provider to that (signed-in) account. {@code returnTo} must already be a same-site
     * path.
     */
    Mono<OidcFlows.Started> start(String providerId, String returnTo, UUID linkTo, String browser,
            ServerHttpRequest request) {
        return providers.metadata(providerId)
            .flatMap(metadata -> flows.start(providerId, providers.settings(providerId),
                    metadata.authorizationEndpoint(), redirectUri(providerId, request), returnTo, linkTo, browser));
    }

    /**
     * The provider's callback. Fails with an {@link OidcFailure} whenever nobody is
     * signed in or linked.
     */
    Mono<Completed> complete(String providerId, String code, String state, String error, String browser,
            ServerHttpRequest request) {
        return flows.take(state, browser)
            .switchIfEmpty(Mono.error(() -> new OidcFailure(OidcFailure.STATE_INVALID,
                    "the state is unknown, used, expired or from another browser")))
            .flatMap(flow -> {
                if (!flow.provider().equals(providerId)) {
                    return Mono.error(new OidcFailure(OidcFailure.STATE_INVALID,
                            "the state belongs to a flow at " + flow.provider()));
                }
                if (error != null || code == null || code.isEmpty()) {
                    return Mono.error(new OidcFailure(OidcFailure.PROVIDER_REFUSED,
                            "the provider sent " + (error != null ? "error " + OidcFailure.quote(error) : "no code")));
                }
                return providers.metadata(providerId)
                    .flatMap(metadata -> tokens.redeem(providers.settings(providerId), metadata, flow, code))
                    .flatMap(identity -> flow.linkTo() != null ? link(flow, identity)
                            : signIn(flow, identity, request).map(cookie -> new Completed(flow.returnTo(), cookie)));
            });
    }

    private Mono<ResponseCookie> signIn(OidcFlows.Flow flow, ProviderTokens.ProvenIdentity identity,
            ServerHttpRequest request) {
        return identities.accountOf(identity.issuer(), identity.subject())
            .flatMap(accountId -> signIns.signIn(accountId, request))
            .switchIfEmpty(Mono.defer(() -> signUp(flow, identity, request)));
    }

    private Mono<ResponseCookie> signUp(OidcFlows.Flow flow, ProviderTokens.ProvenIdentity identity,
            ServerHttpRequest request) {
        if (!identity.emailVerified()) {
            return Mono.error(new OidcFailure(OidcFailure.EMAIL_UNVERIFIED,
                    "a new account needs an email the provider verified"));
        }
        String email = new Inputs().email("email", identity.email());
        if (email == null) {
            return Mono
                .error(new OidcFailure(OidcFailure.EMAIL_UNVERIFIED, "the provider sent no usable email address"));
        }
        return accounts.byEmail(email).hasElement().flatMap(taken -> {
            if (taken) {
                return Mono.error(new OidcFailure(OidcFailure.LINK_REQUIRED,
                        "an account already has this email; it can link the provider once signed in"));
            }
            Account account = new Account(UUID.randomUUID(), email, displayName(identity.name(), email), null,
                    clock.instant());
            return signIns.signUp(account, request)
                .flatMap(cookie -> identities.link(account.id(), flow.provider(), identity, account.createdAt())
                    .flatMap(linked -> linked == ExternalIdentities.Linked.LINKED ? Mono.just(cookie)
                            : Mono.error(new OidcFailure(OidcFailure.FAILED,
                                    "the identity was linked by another sign-in meanwhile"))))
                .as(transaction::transactional)
                .doOnSuccess(cookie -> metrics.signUp())
                .onErrorMap(PeopleProblem.class,
                        refused -> new OidcFailure(reasonOf(refused), refused.getBody().getDetail()));
        });
    }

    private Mono<Completed> link(OidcFlows.Flow flow, ProviderTokens.ProvenIdentity identity) {
        return identities.link(flow.linkTo(), flow.provider(), identity, clock.instant())
            .flatMap(linked -> switch (linked) {
                case LINKED -> Mono.just(new Completed(flow.returnTo(), null));
                case ELSEWHERE -> Mono.error(new OidcFailure(OidcFailure.IDENTITY_LINKED_ELSEWHERE,
                        "this identity signs in to another account"));
                case ISSUER_TAKEN -> Mono.error(new OidcFailure(OidcFailure.PROVIDER_ALREADY_LINKED,
                        "the account already has another identity at this provider"));
            });
    }

    /**
     * The callback address, which the provider compares with the one registered there:
     * under the configured base address, or else the address this request was sent to.
     */
    private URI redirectUri(String providerId, ServerHttpRequest request) {
        String path = CALLBACK.formatted(providerId);
        if (redirectBaseUri != null) {
            String base = redirectBaseUri.toString();
            return URI.create((base.endsWith("/") ? base.substring(0, base.length() - 1) : base) + path);
        }
        URI uri = request.getURI();
        return URI.create((ClientAddress.isSecure(request) ? "https" : "http") + "://" + uri.getRawAuthority() + path);
    }

    /**
     * The provider's name for the person when it makes a good display name, else the
     * email's local part.
     */
    private static String displayName(String claimed, String email) {
        if (claimed != null) {
            String name = new Inputs().name("name", firstCodePoints(claimed.strip(), Inputs.MAX_NAME));
            if (name != null) {
                return name;
            }
        }
        return firstCodePoints(email.substring(0, email.lastIndexOf('@')), Inputs.MAX_NAME);
    }

    private static String firstCodePoints(String text, int count) {
        return text.codePointCount(0, text.length()) <= count ? text
                : text.substring(0, text.offsetByCodePoints(0, count));
    }

    private static String reasonOf(PeopleProblem problem) {
        var properties = problem.getBody().getProperties();
        return properties != null && properties.get("reason") instanceof String reason ? reason : OidcFailure.FAILED;
    }

}
