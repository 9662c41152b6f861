package io.parley.streamlimit.caller;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.List;

import io.parley.streamlimit.StreamLimitProperties.ApiKey;
import org.junit.jupiter.api.Test;

class ApiKeysTests {

    @Test
    void findsTheTenantOfAConfiguredKeyByItsHash() {
        ApiKeys keys = new ApiKeys(List.of(new ApiKey("acme", ApiKeys.sha256("secret-1")),
                new ApiKey("globex", ApiKeys.sha256("secret-2").toUpperCase())));

        assertThat(keys.tenantOf("secret-1")).hasValue("acme");
        assertThat(keys.tenantOf("secret-2")).hasValue("globex");
        assertThat(keys.tenantOf("secret-3")).isEmpty();
        assertThat(keys.tenantOf("")).isEmpty();
    }

    @Test
    void hashesLikeSha256sum() {
        // printf %s abc | sha256sum
        assertThat(ApiKeys.sha256("abc")).isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    }

    @Test
    void refusesOneKeyForTwoTenants() {
        String hash = ApiKeys.sha256("shared");
        assertThatIllegalArgumentException()
            .isThrownBy(() -> new ApiKeys(List.of(new ApiKey("a", hash), new ApiKey("b", hash))));
    }

}
