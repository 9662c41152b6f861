package io.parley.harness;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PostgresBinariesIT {

    @TempDir
    Path cacheParent;

    @Test
    void twoUnpackersRacingForOneCacheBothGetTheSameWorkingServer() throws Exception {
        Path cache = cacheParent.resolve("postgres-" + PostgresBinaries.VERSION);

        List<PostgresBinaries> unpacked = List
            .of(CompletableFuture.supplyAsync(() -> PostgresBinaries.unpackedInto(cache)),
                    CompletableFuture.supplyAsync(() -> PostgresBinaries.unpackedInto(cache)))
            .stream()
            .map(CompletableFuture::join)
            .toList();

        assertThat(unpacked).extracting(PostgresBinaries::directory).containsOnly(cache.resolve("bin"));
        assertThat(cacheParent.toFile().list()).as("nothing but the cache is left beside it")
            .containsExactly(cache.getFileName().toString());
        // runs only if the executable bits and the shared libraries' symbolic links
        // survived unpacking
        assertThat(versionOf(unpacked.get(0).postgres())).contains("PostgreSQL").contains("17.6");
    }

    private static String versionOf(Path postgres) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(postgres.toString(), "--version").redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        process.waitFor();
        return output;
    }

}
