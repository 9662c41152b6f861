package io.parley.support.redis;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

import org.springframework.core.io.ClassPathResource;

/**
 * The text of a Lua script on the class path, for {@link LuaScript}. Scripts are built
 * from their text, read once: Spring's {@code RedisScript.of(Resource, Class)} checks the
 * resource's last-modified time on every call to decide whether its SHA-1 is still valid
 * — inside a jar a jar lookup per Redis call, which cost more CPU than the call itself on
 * the signaling relay.
 */
public final class ScriptSources {

    private ScriptSources() {
    }

    /** The script at {@code scripts/<fileName>} on the class path. */
    public static String read(String fileName) {
        String location = "scripts/" + fileName;
        try {
            return new ClassPathResource(location).getContentAsString(StandardCharsets.UTF_8);
        }
        catch (IOException ex) {
            throw new UncheckedIOException("Cannot read the Lua script " + location, ex);
        }
    }

}
