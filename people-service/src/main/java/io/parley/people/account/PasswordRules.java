package io.parley.people.account;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

import io.parley.people.PeopleProperties;
import io.parley.people.web.Inputs;
import org.springframework.stereotype.Component;

/**
 * NIST 800-63B's rules for a new password: long enough, not too long to hash, and not one
 * that attackers try first (a bundled list, compared case-insensitively). No composition
 * rules: they make passwords harder to remember, not to guess.
 */
@Component
public class PasswordRules {

    static final String COMMON_PASSWORDS = "common-passwords.txt";

    private final int minLength;

    private final Set<String> common;

    public PasswordRules(PeopleProperties properties) {
        this.minLength = properties.passwords().minLength();
        this.common = load();
    }

    /**
     * Records a failure on {@code inputs} and returns null when the password may not be
     * used.
     */
    public String newPassword(Inputs inputs, String field, String value) {
        String password = inputs.password(field, value);
        if (password == null) {
            return null;
        }
        if (password.codePointCount(0, password.length()) < minLength) {
            return inputs.fail(field, field + " must be at least " + minLength + " characters.");
        }
        if (common.contains(password.toLowerCase(Locale.ROOT))) {
            return inputs.fail(field, field + " is one of the most common passwords; choose another.");
        }
        return password;
    }

    private static Set<String> load() {
        Set<String> passwords = new HashSet<>();
        try (InputStream in = PasswordRules.class.getResourceAsStream(COMMON_PASSWORDS)) {
            if (in == null) {
                throw new IllegalStateException(COMMON_PASSWORDS + " is missing from the classpath");
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (!line.isBlank() && !line.startsWith("#")) {
                    passwords.add(line.strip().toLowerCase(Locale.ROOT));
                }
            }
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        return Set.copyOf(passwords);
    }

}
