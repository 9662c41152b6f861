package io.parley.meeting;

import io.parley.support.redis.ScriptSources;
import org.springframework.data.redis.core.script.RedisScript;

/** The Lua scripts under {@code src/main/resources/scripts}. */
public final class LuaScripts {

    private LuaScripts() {
    }

    public static String source(String name) {
        return ScriptSources.read(name + ".lua");
    }

    public static RedisScript<Long> returningLong(String name) {
        return RedisScript.of(source(name), Long.class);
    }
}
