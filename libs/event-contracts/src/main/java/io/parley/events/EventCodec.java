package io.parley.events;

import java.net.URI;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Map;

import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import io.cloudevents.kafka.CloudEventDeserializer;
import io.cloudevents.kafka.CloudEventSerializer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Turns event payloads into CloudEvents with JSON data and back. On Kafka the events
 * travel in binary mode: the attributes are {@code ce_*} headers and the record value is
 * the JSON data alone, so consumers that know nothing of CloudEvents can still read the
 * payload.
 */
public final class EventCodec {

    public static final String JSON = "application/json";

    private final JsonMapper json;

    private final URI source;

    private final Clock clock;

    public EventCodec(JsonMapper json, String source, Clock clock) {
        this.json = json;
        this.source = URI.create("/parley/" + source);
        this.clock = clock;
    }

    public CloudEvent encode(EventType type, String subject, Object data) {
        return encode(type, Ids.random(), subject, data);
    }

    /**
     * With a caller-chosen id, for producers whose retries must be recognisable as the
     * same event.
     */
    public CloudEvent encode(EventType type, String id, String subject, Object data) {
        return CloudEventBuilder.v1()
            .withId(id)
            .withType(type.ceType())
            .withSource(source)
            .withSubject(subject)
            .withTime(OffsetDateTime.now(clock))
            .withDataContentType(JSON)
            .withData(json.writeValueAsBytes(data))
            .build();
    }

    public <T> T decode(CloudEvent event, Class<T> type) {
        if (event.getData() == null) {
            throw new MalformedEventException("Event " + event.getId() + " has no data");
        }
        try {
            return json.readValue(event.getData().toBytes(), type);
        }
        catch (JacksonException ex) {
            throw new MalformedEventException("Event " + event.getId() + " of type " + event.getType()
                    + " does not hold a " + type.getSimpleName() + ": " + ex.getOriginalMessage(), ex);
        }
    }

    /**
     * Producer settings for CloudEvents with string keys: idempotent, acknowledged by all
     * in-sync replicas.
     */
    public static Map<String, Object> producerProperties() {
        return Map.of(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, CloudEventSerializer.class, ProducerConfig.ACKS_CONFIG,
                "all", ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
    }

    public static Map<String, Object> consumerProperties() {
        return Map.of(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, CloudEventDeserializer.class);
    }

}
