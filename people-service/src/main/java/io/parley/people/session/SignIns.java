package io.parley.people.session;

import java.time.Clock;
import java.util.Map;
import java.util.UUID;

import io.parley.events.EventType;
import io.parley.people.PeopleMetrics;
import io.parley.people.account.Account;
import io.parley.people.account.AccountStore;
import io.parley.people.account.PasswordHashing;
import io.parley.people.event.Outbox;
import io.parley.people.web.ClientAddress;
import io.parley.people.web.Inputs;
import io.parley.people.web.PeopleProblem;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.stereotype.Component;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;

/**
 * Sign-up and sign-in (PEOPLE.md §2-§3). A wrong password and an unknown email take the
 * same path to the same 401: the unknown email's attempt verifies a decoy hash and counts
 * against the throttle like a real one, so neither the answer nor its timing tells which
 * addresses have accounts.
 */
@Component
class SignIns {

    static final String BAD_CREDENTIALS = "The email or the password is not right.";

    private final AccountStore accounts;

    private final PasswordHashing passwords;

    private final Sessions sessions;

    private final AccessTokens accessTokens;

    private final SignInThrottle throttle;

    private final Outbox outbox;

    private final TransactionalOperator transaction;

    private final PeopleMetrics metrics;

    private final SignUpPolicy signUpPolicy;

    private final Clock clock;

    SignIns(AccountStore accounts, PasswordHashing passwords, Sessions sessions, AccessTokens accessTokens,
            SignInThrottle throttle, Outbox outbox, TransactionalOperator transaction, PeopleMetrics metrics,
            SignUpPolicy signUpPolicy, Clock clock) {
        this.accounts = accounts;
        this.passwords = passwords;
        this.sessions = sessions;
        this.accessTokens = accessTokens;
        this.throttle = throttle;
        this.outbox = outbox;
        this.transaction = transaction;
        this.metrics = metrics;
        this.signUpPolicy = signUpPolicy;
        this.clock = clock;
    }

    /** Where the request came from, as the session list shows it. */
    record Device(String userAgent, String clientAddress) {

        static Device of(ServerHttpRequest request) {
            return new Device(request.getHeaders().getFirst(HttpHeaders.USER_AGENT), ClientAddress.of(request));
        }
    }

    /**
     * A signed-in answer: the account, an access token, and the refresh token for the
     * cookie.
     */
    record SignedIn(Account account, AccessTokens.Issued access, String refreshToken) {
    }

    /**
     * @param invitation an organization invitation token, which {@code invite-only}
     * sign-up needs; may be null
     */
    Mono<SignedIn> signUp(String email, String displayName, String password, String invitation, Device device) {
        return signUpPolicy.check(email, invitation).then(passwords.hash(password)).flatMap(hash -> {
            Account account = new Account(UUID.randomUUID(), email, displayName, hash, clock.instant());
            return create(account, device).as(transaction::transactional)
                .onErrorMap(DataIntegrityViolationException.class,
                        taken -> PeopleProblem.conflict("email-taken",
                                "An account with this email already exists; sign in instead."))
                .doOnSuccess(started -> metrics.signUp())
                .flatMap(started -> signedIn(account, started));
        });
    }

    /**
     * Creates an account (announced as {@code account-created}) and its first session,
     * when sign-up is open; joins the caller's transaction. Fails with a
     * {@code DataIntegrityViolationException} when the email is taken.
     */
    Mono<Sessions.Started> signUpAndStart(Account account, Device device) {
        return signUpPolicy.check(account.email(), null).then(create(account, device));
    }

    private Mono<Sessions.Started> create(Account account, Device device) {
        return accounts.insert(account)
            .then(outbox.append(EventType.ACCOUNT_CREATED, account.id().toString(),
                    Map.of("accountId", account.id().toString(), "displayName", account.displayName())))
            .then(sessions.start(account.id(), device.userAgent(), device.clientAddress()));
    }

    Mono<SignedIn> signIn(String email, String password, Device device) {
        String emailKey = Inputs.emailKey(email);
        return throttle.check(emailKey, device.clientAddress())
            .doOnError(PeopleProblem.class, throttled -> metrics.signIn("throttled"))
            .then(accounts.byEmail(email).map(java.util.Optional::of).defaultIfEmpty(java.util.Optional.empty()))
            .flatMap(found -> passwords.matches(password, found.map(Account::passwordHash).orElse(null))
                .flatMap(matches -> {
                    if (!matches || found.isEmpty()) {
                        metrics.signIn("wrong-password");
                        return throttle.failed(emailKey, device.clientAddress())
                            .then(Mono.error(PeopleProblem.unauthorized(BAD_CREDENTIALS)));
                    }
                    Account account = found.get();
                    metrics.signIn("success");
                    return throttle.succeeded(emailKey)
                        .then(sessions.start(account.id(), device.userAgent(), device.clientAddress()))
                        .flatMap(started -> signedIn(account, started));
                }));
    }

    /** A refresh: a new access token and the rotated refresh token, or 401. */
    Mono<SignedIn> refresh(String refreshToken) {
        return sessions.refresh(refreshToken)
            .flatMap(started -> accounts.byId(started.session().accountId())
                .flatMap(account -> signedIn(account, started)))
            .switchIfEmpty(Mono.error(() -> PeopleProblem
                .unauthorized("This session has ended or its token was already used; sign in again.")));
    }

    private Mono<SignedIn> signedIn(Account account, Sessions.Started started) {
        return accessTokens.issue(account, started.session().id())
            .map(access -> new SignedIn(account, access, started.refreshToken()));
    }

}
