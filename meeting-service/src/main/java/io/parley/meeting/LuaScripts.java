package io.parley.meeting;

import io.parley.support.redis.ScriptSources;

/** The Lua scripts under {@code src/main/resources/scripts}. */
public final class LuaScripts {

    private LuaScripts() {
    }

    public static String source(String name) {
        return ScriptSources.read(name + ".lua");
    }
}
