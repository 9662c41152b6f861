package io.parley.support.redis;

import io.lettuce.core.ScriptOutputType;
import org.springframework.data.redis.core.script.DigestUtils;

/**
 * A Lua script from {@code scripts/} on the class path with its SHA-1 (what
 * {@code EVALSHA} takes) and the type of its reply, read and hashed once.
 */
public record LuaScript(String name, String text, String sha1, ScriptOutputType output) {

    /** A script that answers one integer. */
    public static LuaScript integer(String fileName) {
        return of(fileName, ScriptOutputType.INTEGER);
    }

    /**
     * A script that answers a list (integers stay {@code Long}, strings {@code String},
     * nested lists {@code List}).
     */
    public static LuaScript list(String fileName) {
        return of(fileName, ScriptOutputType.MULTI);
    }

    /** A script that answers one string, or nil. */
    public static LuaScript text(String fileName) {
        return of(fileName, ScriptOutputType.VALUE);
    }

    /**
     * A script assembled from several sources (e.g. shared functions in front of each
     * script).
     */
    public static LuaScript assembled(String name, String text, ScriptOutputType output) {
        return new LuaScript(name, text, DigestUtils.sha1DigestAsHex(text), output);
    }

    private static LuaScript of(String fileName, ScriptOutputType output) {
        return assembled(fileName, ScriptSources.read(fileName), output);
    }
}
