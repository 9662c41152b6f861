package io.parley.streamlimit.org;

import java.util.Optional;
import java.util.function.Supplier;

import io.parley.events.EventType;
import io.parley.events.MalformedEventException;
import io.parley.streamlimit.caller.Identifiers;
import tools.jackson.databind.JsonNode;

/**
 * A change of one user's organization limits, read from an event on
 * {@code parley.people.events}:
 * <ul>
 * <li>{@code io.parley.people.org-limits-changed} {@code {orgId, accountId,
 * maxConcurrentStreams}} sets the organization's limit for that member
 * ({@link SetLimit});</li>
 * <li>{@code io.parley.people.org-member-removed} {@code {orgId, accountId, role}} drops
 * that organization's limit ({@link RemoveOrg});</li>
 * <li>{@code io.parley.people.account-deleted} {@code {accountId}} drops all of them
 * ({@link ClearAll}).</li>
 * </ul>
 * Every other type on the topic changes nothing here.
 */
public sealed interface OrgLimitChange {

    /**
     * The user whose limits change: the account id, which is the join token's
     * {@code sub}.
     */
    String accountId();

    /**
     * How org-limits-v1.lua names the change (and the {@code change} tag of the applied
     * metric).
     */
    String operation();

    record SetLimit(String accountId, String orgId, int limit) implements OrgLimitChange {

        @Override
        public String operation() {
            return "set";
        }
    }

    record RemoveOrg(String accountId, String orgId) implements OrgLimitChange {

        @Override
        public String operation() {
            return "remove";
        }
    }

    record ClearAll(String accountId) implements OrgLimitChange {

        @Override
        public String operation() {
            return "clear";
        }
    }

    /**
     * The change an event asks for; empty for types that change no limit (their data is
     * not even read).
     * @param ceType the event's {@code ce_type}
     * @param data the event's JSON data, read only for the types that matter here
     * @throws MalformedEventException when an event of a type that matters lacks a field
     * or holds a value out of range
     */
    static Optional<OrgLimitChange> of(String ceType, Supplier<JsonNode> data) {
        EventType type = EventType.fromCeType(ceType).orElse(null);
        if (type == null) {
            return Optional.empty();
        }
        return switch (type) {
            case ORG_LIMITS_CHANGED -> {
                JsonNode payload = object(type, data.get());
                yield Optional
                    .of(new SetLimit(id(type, payload, "accountId"), id(type, payload, "orgId"), limit(type, payload)));
            }
            case ORG_MEMBER_REMOVED -> {
                JsonNode payload = object(type, data.get());
                yield Optional.of(new RemoveOrg(id(type, payload, "accountId"), id(type, payload, "orgId")));
            }
            case ACCOUNT_DELETED -> Optional.of(new ClearAll(id(type, object(type, data.get()), "accountId")));
            default -> Optional.empty();
        };
    }

    private static JsonNode object(EventType type, JsonNode data) {
        if (data == null || !data.isObject()) {
            throw malformed(type, "its data is not a JSON object");
        }
        return data;
    }

    /**
     * Account and organization ids end up in Redis keys and must match the user ids the
     * API counts by.
     */
    private static String id(EventType type, JsonNode data, String field) {
        JsonNode value = data.get(field);
        if (value == null || !value.isString() || !Identifiers.isValid(value.stringValue())) {
            throw malformed(type, field + " is missing or not 1 to " + Identifiers.MAX_LENGTH
                    + " letters, digits or . _ : ~ @ + = -");
        }
        return value.stringValue();
    }

    private static int limit(EventType type, JsonNode data) {
        JsonNode value = data.get("maxConcurrentStreams");
        if (value == null || !value.isIntegralNumber() || !value.canConvertToInt() || value.intValue() < OrgLimits.MIN
                || value.intValue() > OrgLimits.MAX) {
            throw malformed(type, "maxConcurrentStreams is missing or not a whole number from " + OrgLimits.MIN + " to "
                    + OrgLimits.MAX);
        }
        return value.intValue();
    }

    private static MalformedEventException malformed(EventType type, String why) {
        return new MalformedEventException(type.ceType() + " cannot be applied: " + why);
    }

}
