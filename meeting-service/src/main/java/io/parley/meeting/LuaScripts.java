package io.parley.meeting;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

import org.springframework.core.io.ClassPathResource;
import org.springframework.data.redis.core.script.RedisScript;

/** The Lua scripts under {@code src/main/resources/scripts}. */
public final class LuaScripts {

    private LuaScripts() {
    }

    public static String source(String name) {
        try {
            return new ClassPathResource("scripts/" + name + ".lua").getContentAsString(StandardCharsets.UTF_8);
        }
        catch (IOException ex) {
            throw new UncheckedIOException("Missing script " + name, ex);
        }
    }

    public static RedisScript<Long> returningLong(String name) {
        return RedisScript.of(source(name), Long.class);
    }
}
