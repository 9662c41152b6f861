package io.parley.streamlimit.org;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.function.Supplier;

import io.parley.events.EventType;
import io.parley.events.MalformedEventException;
import io.parley.streamlimit.org.OrgLimitChange.ClearAll;
import io.parley.streamlimit.org.OrgLimitChange.RemoveOrg;
import io.parley.streamlimit.org.OrgLimitChange.SetLimit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class OrgLimitChangeTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static final String ACCOUNT = "0b9c1c8e-3f4e-4f0e-9d55-6f1f2b7d9a10";

    private static final String ORG = "5d0a7c52-93c4-4a9e-8e0a-1b2c3d4e5f60";

    @Test
    void aLimitChangeSetsTheOrganizationsLimitForTheMember() {
        assertThat(OrgLimitChange.of(EventType.ORG_LIMITS_CHANGED.ceType(),
                json("{\"orgId\":\"" + ORG + "\",\"accountId\":\"" + ACCOUNT + "\",\"maxConcurrentStreams\":7}")))
            .contains(new SetLimit(ACCOUNT, ORG, 7));
    }

    @Test
    void theLimitsAtTheEdgesOfTheContractAreAccepted() {
        assertThat(OrgLimitChange.of(EventType.ORG_LIMITS_CHANGED.ceType(), limit("1")))
            .contains(new SetLimit(ACCOUNT, ORG, 1));
        assertThat(OrgLimitChange.of(EventType.ORG_LIMITS_CHANGED.ceType(), limit("20")))
            .contains(new SetLimit(ACCOUNT, ORG, 20));
    }

    @Test
    void aRemovedMemberLosesThatOrganizationsLimit() {
        assertThat(OrgLimitChange.of(EventType.ORG_MEMBER_REMOVED.ceType(),
                json("{\"orgId\":\"" + ORG + "\",\"accountId\":\"" + ACCOUNT + "\",\"role\":\"member\"}")))
            .contains(new RemoveOrg(ACCOUNT, ORG));
    }

    @Test
    void aDeletedAccountLosesAllItsLimits() {
        assertThat(OrgLimitChange.of(EventType.ACCOUNT_DELETED.ceType(), json("{\"accountId\":\"" + ACCOUNT + "\"}")))
            .contains(new ClearAll(ACCOUNT));
    }

    @Test
    void theOperationsAreWhatTheScriptExpects() {
        assertThat(new SetLimit(ACCOUNT, ORG, 2).operation()).isEqualTo("set");
        assertThat(new RemoveOrg(ACCOUNT, ORG).operation()).isEqualTo("remove");
        assertThat(new ClearAll(ACCOUNT).operation()).isEqualTo("clear");
    }

    @Test
    void otherTypesChangeNothingAndTheirDataIsNotRead() {
        Supplier<JsonNode> unread = () -> {
            throw new AssertionError("the data of an ignored event was read");
        };
        for (String type : new String[] { EventType.ACCOUNT_CREATED.ceType(), EventType.SESSION_REVOKED.ceType(),
                EventType.ORG_MEMBER_ADDED.ceType(), "io.parley.people.message-sent", "com.example.other", null }) {
            assertThat(OrgLimitChange.of(type, unread)).as(String.valueOf(type)).isEmpty();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = { "0", "21", "-3", "2.5", "\"3\"", "null", "true", "99999999999", "[]" })
    void aLimitOutsideTheContractIsMalformed(String limit) {
        assertThatThrownBy(() -> OrgLimitChange.of(EventType.ORG_LIMITS_CHANGED.ceType(), limit(limit)))
            .isInstanceOf(MalformedEventException.class)
            .hasMessageContaining("maxConcurrentStreams");
    }

    @Test
    void aMissingLimitIsMalformed() {
        assertThatThrownBy(() -> OrgLimitChange.of(EventType.ORG_LIMITS_CHANGED.ceType(),
                json("{\"orgId\":\"" + ORG + "\",\"accountId\":\"" + ACCOUNT + "\"}")))
            .isInstanceOf(MalformedEventException.class);
    }

    @Test
    void dataThatIsNotAnObjectIsMalformed() {
        for (String data : new String[] { "\"not an object\"", "[1,2]", "42", "null" }) {
            for (EventType type : new EventType[] { EventType.ORG_LIMITS_CHANGED, EventType.ORG_MEMBER_REMOVED,
                    EventType.ACCOUNT_DELETED }) {
                assertThatThrownBy(() -> OrgLimitChange.of(type.ceType(), json(data))).as(type + " " + data)
                    .isInstanceOf(MalformedEventException.class)
                    .hasMessageContaining("not a JSON object");
            }
        }
        assertThatThrownBy(() -> OrgLimitChange.of(EventType.ACCOUNT_DELETED.ceType(), () -> null))
            .isInstanceOf(MalformedEventException.class);
    }

    @Test
    void missingOrInvalidIdsAreMalformed() {
        for (Map<String, Object> data : new Map[] { Map.of("orgId", ORG, "maxConcurrentStreams", 2),
                Map.of("accountId", ACCOUNT, "maxConcurrentStreams", 2),
                Map.of("orgId", ORG, "accountId", 42, "maxConcurrentStreams", 2),
                Map.of("orgId", ORG, "accountId", "", "maxConcurrentStreams", 2),
                Map.of("orgId", ORG, "accountId", "a b", "maxConcurrentStreams", 2),
                Map.of("orgId", "{slot}", "accountId", ACCOUNT, "maxConcurrentStreams", 2),
                Map.of("orgId", ORG, "accountId", "x".repeat(201), "maxConcurrentStreams", 2) }) {
            assertThatThrownBy(
                    () -> OrgLimitChange.of(EventType.ORG_LIMITS_CHANGED.ceType(), () -> JSON.valueToTree(data)))
                .as(data.toString())
                .isInstanceOf(MalformedEventException.class)
                .hasMessageContaining("Id is missing or not");
        }
        assertThatThrownBy(() -> OrgLimitChange.of(EventType.ORG_MEMBER_REMOVED.ceType(),
                () -> JSON.valueToTree(Map.of("accountId", ACCOUNT, "role", "member"))))
            .isInstanceOf(MalformedEventException.class)
            .hasMessageContaining("orgId");
        assertThatThrownBy(
                () -> OrgLimitChange.of(EventType.ACCOUNT_DELETED.ceType(), () -> JSON.valueToTree(Map.of())))
            .isInstanceOf(MalformedEventException.class)
            .hasMessageContaining("accountId");
    }

    private static Supplier<JsonNode> limit(String value) {
        return json(
                "{\"orgId\":\"" + ORG + "\",\"accountId\":\"" + ACCOUNT + "\",\"maxConcurrentStreams\":" + value + "}");
    }

    private static Supplier<JsonNode> json(String text) {
        return () -> JSON.readTree(text);
    }

}
