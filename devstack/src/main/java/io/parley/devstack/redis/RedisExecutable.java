package io.parley.devstack.redis;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import io.parley.devstack.DevstackException;
import io.parley.harness.RedisServerProcess;

/**
 * Which redis-server to run. An installed one wins (it is the version the developer chose
 * and gets security updates); without one, the binary bundled in embedded-redis keeps
 * `./parley up` working on a bare machine.
 */
public record RedisExecutable(Path path, String origin) {

    public static RedisExecutable resolve(Path binDir, boolean forceEmbedded) {
        if (!forceEmbedded) {
            String configured = System.getenv("PARLEY_REDIS_SERVER");
            if (configured != null && !configured.isBlank()) {
                // the harness would quietly ignore a wrong path; a developer who set it
                // wants to hear about it
                if (!Files.isExecutable(Path.of(configured))) {
                    throw new DevstackException("PARLEY_REDIS_SERVER=" + configured + " is not an executable file; "
                            + "fix it, or unset it to use redis-server from PATH or the bundled one");
                }
                return new RedisExecutable(Path.of(configured), "PARLEY_REDIS_SERVER");
            }
            Optional<Path> installed = RedisServerProcess.findExecutable();
            if (installed.isPresent()) {
                return new RedisExecutable(installed.get(), "PATH");
            }
        }
        return new RedisExecutable(EmbeddedRedisBinary.extractTo(binDir),
                forceEmbedded ? "bundled with embedded-redis (--embedded-redis)"
                        : "bundled with embedded-redis (no redis-server on PATH)");
    }
}
