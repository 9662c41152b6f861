package io.parley.streamlimit.caller;

import java.util.regex.Pattern;

/**
 * What user ids, stream ids and meeting ids may look like: 1 to 200 characters of
 * letters, digits and {@code . _ : ~ @ + = -}, so they are safe in URL paths, Redis keys
 * and log lines.
 */
public final class Identifiers {

    public static final int MAX_LENGTH = 200;

    private static final Pattern VALID = Pattern.compile("[A-Za-z0-9._:~@+=-]{1," + MAX_LENGTH + "}");

    private Identifiers() {
    }

    public static boolean isValid(String id) {
        return id != null && VALID.matcher(id).matches();
    }

}
