package io.parley.bench.quality;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

import org.postgresql.PGConnection;

/**
 * The floor: {@code COPY ... FROM STDIN} of the same N rows, in one statement, into quality_sample as the
 * collector's own migration creates it (partitioned by day, the same primary key), in a database of its own on the
 * same PostgreSQL server. The fastest way PostgreSQL takes rows, with none of the consumer's work (Kafka, decoding,
 * batching, idempotent insert). The CSV is built before the clock starts.
 */
final class CopyFloor {

    static final String DATABASE = "copy_floor";
    private static final DateTimeFormatter SUFFIX = DateTimeFormatter.ofPattern("yyyyMMdd");

    record Result(long rows, double seconds, long bytes) {

        double rowsPerSecond() {
            return rows / seconds;
        }
    }

    private CopyFloor() {
    }

    static Result run(Tables floor, Path migration, SampleSet samples) throws IOException, SQLException {
        floor.execute(Files.readString(migration));
        for (LocalDate day : samples.days()) {
            floor.execute("create table quality_sample_" + SUFFIX.format(day) + " partition of quality_sample "
                    + "for values from ('" + day.atStartOfDay(ZoneOffset.UTC).toInstant() + "') to ('"
                    + day.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant() + "')");
        }
        ByteArrayOutputStream csv = new ByteArrayOutputStream(samples.size() * 300);
        for (int i = 0; i < samples.size(); i++) {
            csv.write(samples.csvRow(i).getBytes(StandardCharsets.UTF_8));
        }
        byte[] data = csv.toByteArray();
        long rows;
        long started;
        long ended;
        try (Connection connection = floor.connect()) {
            var copy = connection.unwrap(PGConnection.class).getCopyAPI();
            started = System.nanoTime();
            rows = copy.copyIn("copy quality_sample from stdin (format csv)", new ByteArrayInputStream(data));
            ended = System.nanoTime();
        }
        return new Result(rows, (ended - started) / 1e9, floor.partitionBytes("quality_sample"));
    }
}
