package io.parley.quality.trend;

import io.parley.quality.ForbiddenException;
import io.parley.quality.meeting.OrgAdmins;
import io.parley.tokens.access.AccessTokenVerifier;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Who may read an organization's trends: the access token of one of its owners or admins,
 * as the token's {@code orgs} claim says (it lives 15 minutes, so a demoted admin loses
 * access within that). A member, an outsider or a token of another organization is 403;
 * no token, a join token or a bad one is 401.
 */
@Component
class OrgReaders {

    private final AccessTokenVerifier accessTokens;

    OrgReaders(AccessTokenVerifier accessTokens) {
        this.accessTokens = accessTokens;
    }

    Mono<Void> requireReader(ServerHttpRequest request, String orgId) {
        return accessTokens.verify(request)
            .filter(account -> OrgAdmins.of(account).contains(orgId))
            .switchIfEmpty(Mono.error(() -> new ForbiddenException(
                    "Only the owners and admins of the organization may read its quality trends.")))
            .then();
    }

}
