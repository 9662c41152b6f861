package io.parley.streamlimit.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;

import io.cloudevents.CloudEvent;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.parley.events.EventCodec;
import io.parley.events.EventType;
import io.parley.events.Topic;
import io.parley.harness.Ports;
import io.parley.harness.SharedInfrastructure;
import io.parley.streamlimit.StreamEventsReader;
import io.parley.streamlimit.StreamMetrics;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.TopicExistsException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.support.SendResult;
import reactor.test.StepVerifier;
import tools.jackson.databind.json.JsonMapper;

/**
 * The publisher on a producer that never blocks (real broker): the first sends wait for
 * the topic's metadata instead of failing, later ones are made on the caller's own
 * thread, and an unreachable broker costs one counted failure per event after a bounded
 * wait.
 */
class StreamEventPublisherIT {

    private static final EventCodec CODEC = new EventCodec(JsonMapper.builder().build(), "test", Clock.systemUTC());

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

    private final List<DefaultKafkaProducerFactory<String, CloudEvent>> factories = new CopyOnWriteArrayList<>();

    @BeforeAll
    static void createTopic() throws Exception {
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", SharedInfrastructure.kafka().bootstrapServers()))) {
            admin
                .createTopics(List
                    .of(new NewTopic(Topic.STREAM_EVENTS.topicName(), Topic.STREAM_EVENTS.partitions(), (short) 1)))
                .all()
                .get();
        }
        catch (ExecutionException error) {
            if (!(error.getCause() instanceof TopicExistsException)) {
                throw error;
            }
        }
    }

    @AfterEach
    void closeProducers() {
        factories.forEach(DefaultKafkaProducerFactory::destroy);
    }

    @Test
    void firstSendWaitsForTheTopicsMetadataInsteadOfFailing() {
        StreamEventPublisher publisher = publisher(new ThreadRecordingTemplate(producers(Map.of())),
                TopicMetadata.WAIT);
        String user = "user-" + UUID.randomUUID();
        try (StreamEventsReader events = new StreamEventsReader()) {
            StepVerifier.create(publisher.send(EventType.STREAM_STARTED, null, user, Map.of("streamId", "s1")))
                .verifyComplete();
            assertThat(events.await(EventType.STREAM_STARTED, user, data -> true).data().get("streamId").asString())
                .isEqualTo("s1");
        }
        assertThat(failures()).isZero();
    }

    @Test
    void sendsOnTheCallersThreadOnceTheMetadataIsKnown() {
        ThreadRecordingTemplate kafka = new ThreadRecordingTemplate(producers(Map.of()));
        StreamEventPublisher publisher = publisher(kafka, TopicMetadata.WAIT);
        StepVerifier.create(publisher.send(EventType.STREAM_STARTED, null, "user-a", Map.of())).verifyComplete();
        kafka.threads.clear();

        StepVerifier.create(publisher.send(EventType.STREAM_REJECTED, null, "user-a", Map.of())).verifyComplete();

        assertThat(kafka.threads).containsExactly(Thread.currentThread().getName());
        assertThat(failures()).isZero();
    }

    @Test
    void fetchesTheMetadataAgainWhenTheProducerDroppedIt() throws InterruptedException {
        // the producer forgets a topic's metadata at the first refresh (every
        // metadata.max.age.ms) after
        // metadata.max.idle.ms without records (5 s is Kafka's least)
        StreamEventPublisher publisher = publisher(new ThreadRecordingTemplate(producers(
                Map.of(ProducerConfig.METADATA_MAX_IDLE_CONFIG, 5000, ProducerConfig.METADATA_MAX_AGE_CONFIG, 1000))),
                TopicMetadata.WAIT);
        StepVerifier.create(publisher.send(EventType.STREAM_STARTED, null, "user-b", Map.of())).verifyComplete();
        Thread.sleep(Duration.ofSeconds(7).toMillis());

        String user = "user-" + UUID.randomUUID();
        try (StreamEventsReader events = new StreamEventsReader()) {
            StepVerifier.create(publisher.send(EventType.STREAM_ENDED, null, user, Map.of("streamId", "s2")))
                .verifyComplete();
            assertThat(events.await(EventType.STREAM_ENDED, user, data -> true).data().get("streamId").asString())
                .isEqualTo("s2");
        }
        assertThat(failures()).isZero();
    }

    @Test
    void countsAnEventItCouldNotSendOnceTheWaitIsOver() {
        Map<String, Object> unreachable = Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                "127.0.0.1:" + Ports.freePort());
        StreamEventPublisher publisher = publisher(new ThreadRecordingTemplate(producers(unreachable)),
                Duration.ofMillis(500));

        StepVerifier.create(publisher.send(EventType.STREAM_STARTED, null, "user-c", Map.of())).verifyComplete();

        assertThat(failures()).isEqualTo(1);
    }

    private StreamEventPublisher publisher(KafkaTemplate<String, CloudEvent> kafka, Duration metadataWait) {
        return new StreamEventPublisher(kafka, CODEC, new StreamMetrics(registry), metadataWait);
    }

    private DefaultKafkaProducerFactory<String, CloudEvent> producers(Map<String, Object> overrides) {
        Map<String, Object> properties = new HashMap<>(EventCodec.producerProperties());
        properties.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, SharedInfrastructure.kafka().bootstrapServers());
        DefaultKafkaProducerFactory<String, CloudEvent> factory = new DefaultKafkaProducerFactory<>(properties);
        StreamEventPublisher.neverBlock().customize(factory);
        factory.updateConfigs(overrides);
        factories.add(factory);
        return factory;
    }

    private double failures() {
        return registry.get("parley.streams.events.failed").counter().count();
    }

    /** Notes the thread each send is made on. */
    private static final class ThreadRecordingTemplate extends KafkaTemplate<String, CloudEvent> {

        private final List<String> threads = new CopyOnWriteArrayList<>();

        ThreadRecordingTemplate(DefaultKafkaProducerFactory<String, CloudEvent> factory) {
            super(factory);
        }

        @Override
        public CompletableFuture<SendResult<String, CloudEvent>> send(ProducerRecord<String, CloudEvent> record) {
            threads.add(Thread.currentThread().getName());
            return super.send(record);
        }

    }

}
