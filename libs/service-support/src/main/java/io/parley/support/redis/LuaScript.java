package io.parley.support.redis;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

import io.lettuce.core.ScriptOutputType;

/**
 * A Lua script from {@code scripts/} on the class path with its SHA-1 (what {@code EVALSHA} takes) and the type of
 * its reply, read and hashed once.
 */
public record LuaScript(String name, String text, String sha1, ScriptOutputType output) {

    /** A script that answers one integer. */
    public static LuaScript integer(String fileName) {
        return of(fileName, ScriptOutputType.INTEGER);
    }

    /** A script that answers a flat list (integers stay {@code Long}, strings {@code String}). */
    public static LuaScript list(String fileName) {
        return of(fileName, ScriptOutputType.MULTI);
    }

    private static LuaScript of(String fileName, ScriptOutputType output) {
        String text = ScriptSources.read(fileName);
        return new LuaScript(fileName, text, sha1(text), output);
    }

    private static String sha1(String text) {
        try {
            return HexFormat.of()
                .formatHex(MessageDigest.getInstance("SHA-1").digest(text.getBytes(StandardCharsets.UTF_8)));
        }
        catch (NoSuchAlgorithmException ex) {
            throw new IllegalStateException("Every JVM has SHA-1", ex);
        }
    }
}
