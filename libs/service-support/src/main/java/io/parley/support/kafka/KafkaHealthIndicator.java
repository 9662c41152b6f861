package io.parley.support.kafka;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.ReactiveHealthIndicator;
import reactor.core.publisher.Mono;

/**
 * UP while the Kafka cluster answers a describe-cluster request in time. The admin client
 * is asynchronous, so the check never blocks an event-loop thread.
 */
public class KafkaHealthIndicator implements ReactiveHealthIndicator, DisposableBean {

    private static final Duration TIMEOUT = Duration.ofSeconds(3);

    private final Admin admin;

    public KafkaHealthIndicator(Map<String, Object> adminProperties) {
        Map<String, Object> properties = new HashMap<>(adminProperties);
        properties.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) TIMEOUT.toMillis());
        properties.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) TIMEOUT.toMillis());
        properties.put(AdminClientConfig.CLIENT_ID_CONFIG, "health-check");
        this.admin = Admin.create(properties);
    }

    @Override
    public Mono<Health> health() {
        var cluster = admin.describeCluster(new DescribeClusterOptions().timeoutMs((int) TIMEOUT.toMillis()));
        return Mono.fromCompletionStage(cluster.nodes().toCompletionStage())
            .map(nodes -> Health.up().withDetail("nodes", nodes.size()).build())
            .timeout(TIMEOUT.plusSeconds(1))
            .onErrorResume(
                    error -> Mono.just(Health.down().withDetail("error", error.getClass().getSimpleName()).build()));
    }

    @Override
    public void destroy() {
        admin.close(Duration.ofSeconds(2));
    }

}
