package io.parley.people.org;

import java.net.URI;
import java.util.Set;
import java.util.UUID;

import io.parley.people.PeopleProperties;
import io.parley.people.session.Caller;
import io.parley.people.web.Inputs;
import io.parley.people.web.PeopleProblem;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;

/**
 * Organizations, members, invitations and limits (PEOPLE.md §3, {@code /api/orgs},
 * {@code /api/invitations}). Input is checked here (400); who may do it is decided by
 * {@link Orgs} from the database.
 */
@RestController
class OrgController {

    private final Orgs orgs;

    private final int maxStreamLimit;

    OrgController(Orgs orgs, PeopleProperties properties) {
        this.orgs = orgs;
        this.maxStreamLimit = properties.orgs().maxStreamLimit();
    }

    record Creation(String name) {
    }

    record InvitationRequest(String email, String role) {
    }

    record RoleChange(String role) {
    }

    /**
     * A node, not an int: {@code 2.5}, {@code "3"} and {@code true} are refused, never
     * coerced into a limit.
     */
    record LimitsChange(JsonNode maxConcurrentStreams) {
    }

    @PostMapping("/api/orgs")
    Mono<ResponseEntity<Orgs.Membership>> create(Caller caller, @RequestBody Creation body) {
        Inputs inputs = new Inputs();
        String name = inputs.name("name", body.name());
        inputs.validate();
        return orgs.create(caller.accountId(), name)
            .map(created -> ResponseEntity.created(URI.create("/api/orgs/" + created.orgId())).body(created));
    }

    @GetMapping("/api/orgs/{orgId}")
    Mono<Orgs.OrgView> org(Caller caller, @PathVariable String orgId) {
        return orgs.view(orgId(orgId), caller.accountId());
    }

    @GetMapping("/api/orgs/{orgId}/members")
    Mono<Orgs.MemberList> members(Caller caller, @PathVariable String orgId) {
        return orgs.members(orgId(orgId), caller.accountId());
    }

    @PostMapping("/api/orgs/{orgId}/invitations")
    Mono<ResponseEntity<Orgs.Invited>> invite(Caller caller, @PathVariable String orgId,
            @RequestBody InvitationRequest body) {
        UUID id = orgId(orgId);
        Inputs inputs = new Inputs();
        String email = inputs.email("email", body.email());
        Role role = role(inputs, body.role(), Set.of(Role.ADMIN, Role.MEMBER));
        inputs.validate();
        return orgs.invite(id, caller.accountId(), email, role)
            .map(invited -> ResponseEntity.status(HttpStatus.CREATED)
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .body(invited));
    }

    @PostMapping("/api/invitations/{token}/accept")
    Mono<Orgs.Membership> accept(Caller caller, @PathVariable String token) {
        return orgs.accept(caller.accountId(), token);
    }

    @PatchMapping("/api/orgs/{orgId}/members/{accountId}")
    Mono<Orgs.MemberRole> changeRole(Caller caller, @PathVariable String orgId, @PathVariable String accountId,
            @RequestBody RoleChange body) {
        UUID id = orgId(orgId);
        UUID member = memberId(accountId);
        Inputs inputs = new Inputs();
        Role role = role(inputs, body.role(), Set.of(Role.values()));
        inputs.validate();
        return orgs.changeRole(id, caller.accountId(), member, role);
    }

    @DeleteMapping("/api/orgs/{orgId}/members/{accountId}")
    Mono<ResponseEntity<Void>> remove(Caller caller, @PathVariable String orgId, @PathVariable String accountId) {
        return orgs.remove(orgId(orgId), caller.accountId(), memberId(accountId))
            .thenReturn(ResponseEntity.noContent().build());
    }

    @PutMapping("/api/orgs/{orgId}/limits")
    Mono<Orgs.Limits> setLimits(Caller caller, @PathVariable String orgId, @RequestBody LimitsChange body) {
        UUID id = orgId(orgId);
        JsonNode limit = body.maxConcurrentStreams();
        if (limit == null || !limit.isInt() || limit.intValue() < 1 || limit.intValue() > maxStreamLimit) {
            throw PeopleProblem.invalid("maxConcurrentStreams",
                    "maxConcurrentStreams must be a whole number from 1 to " + maxStreamLimit + ".");
        }
        return orgs.setLimits(id, caller.accountId(), limit.intValue());
    }

    private static Role role(Inputs inputs, String value, Set<Role> allowed) {
        return Role.fromClaim(value)
            .filter(allowed::contains)
            .orElseGet(() -> inputs.fail("role", "role must be one of "
                    + String.join(", ", allowed.stream().sorted().map(Role::claim).toList()) + "."));
    }

    private static UUID orgId(String value) {
        return uuid(value, "No such organization.");
    }

    private static UUID memberId(String value) {
        return uuid(value, "No such member of this organization.");
    }

    private static UUID uuid(String value, String notFound) {
        try {
            return UUID.fromString(value);
        }
        catch (IllegalArgumentException ex) {
            throw PeopleProblem.notFound(notFound);
        }
    }

}
