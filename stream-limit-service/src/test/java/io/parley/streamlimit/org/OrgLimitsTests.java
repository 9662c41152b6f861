package io.parley.streamlimit.org;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;

import io.parley.streamlimit.lease.LeaseKeys;
import org.junit.jupiter.api.Test;

class OrgLimitsTests {

    @Test
    void withoutOrganizationLimitsTheBaseLimitApplies() {
        assertThat(OrgLimits.effective(List.of(), 3)).isEqualTo(3);
        assertThat(OrgLimits.effective(List.of(), 5)).isEqualTo(5);
    }

    @Test
    void anOrganizationLimitReplacesTheBaseLimitEvenWhenLower() {
        assertThat(OrgLimits.effective(List.of("2"), 3)).isEqualTo(2);
        assertThat(OrgLimits.effective(List.of("7"), 3)).isEqualTo(7);
    }

    @Test
    void aPersonInSeveralOrganizationsGetsTheMostGenerousLimit() {
        assertThat(OrgLimits.effective(List.of("2", "12", "4"), 3)).isEqualTo(12);
        assertThat(OrgLimits.effective(List.of("1", "2"), 5)).isEqualTo(2);
    }

    @Test
    void valuesThatAreNotWholeNumbersAreIgnoredAsTheScriptIgnoresThem() {
        assertThat(OrgLimits.effective(Arrays.asList("", "abc", "-1", "2.5", " 4", "1234567890", null), 3))
            .isEqualTo(3);
        assertThat(OrgLimits.effective(List.of("abc", "2"), 3)).isEqualTo(2);
    }

    @Test
    void theKeysShareTheHashTagOfTheUsersLeases() {
        String user = "7f3a-42";
        assertThat(OrgLimits.key(user)).isEqualTo("streams:org-limits:{user:7f3a-42}");
        assertThat(hashTag(OrgLimits.key(user))).isEqualTo(hashTag(LeaseKeys.leases(user)))
            .isEqualTo(hashTag(OrgLimits.appliedEventsKey(user)))
            .isEqualTo("user:7f3a-42");
    }

    /** What Redis Cluster hashes: the text between the first { and the next }. */
    private static String hashTag(String key) {
        int open = key.indexOf('{');
        return key.substring(open + 1, key.indexOf('}', open));
    }

}
