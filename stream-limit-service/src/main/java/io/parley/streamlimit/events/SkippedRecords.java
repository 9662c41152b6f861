package io.parley.streamlimit.events;

import java.util.function.Consumer;

import io.parley.events.MalformedEventException;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.listener.ConsumerRecordRecoverer;
import org.springframework.kafka.support.serializer.DeserializationException;

/**
 * What the service's consumers do with a record they give up on: log it by topic,
 * partition, offset and key, count it as {@code malformed} (it cannot be read: not a
 * CloudEvent, data not JSON, a field missing; skipped at once) or as {@code failed}
 * (handling it kept failing for another reason, after the retries), and move on, so no
 * record can stop its partition.
 */
public final class SkippedRecords implements ConsumerRecordRecoverer {

    private static final Logger log = LoggerFactory.getLogger(SkippedRecords.class);

    private final Consumer<Boolean> counter;

    /**
     * @param counter counts one skipped record; its argument says whether it was
     * malformed
     */
    public SkippedRecords(Consumer<Boolean> counter) {
        this.counter = counter;
    }

    @Override
    public void accept(ConsumerRecord<?, ?> record, Exception error) {
        boolean malformed = isMalformed(error);
        counter.accept(malformed);
        log.warn("Skipping the record at {}-{}@{} (key {}){}: {}", record.topic(), record.partition(), record.offset(),
                record.key(), malformed ? "" : " after retries", rootCause(error).toString());
    }

    /**
     * Not a CloudEvent (the deserializer failed) or not the event it claims to be:
     * retrying cannot help.
     */
    private static boolean isMalformed(Throwable error) {
        return causedBy(error, MalformedEventException.class) || causedBy(error, DeserializationException.class);
    }

    public static boolean causedBy(Throwable error, Class<? extends Throwable> type) {
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            if (type.isInstance(cause)) {
                return true;
            }
        }
        return false;
    }

    private static Throwable rootCause(Throwable error) {
        Throwable cause = error;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return cause;
    }

}
