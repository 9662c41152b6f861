package io.parley.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

import io.parley.events.Topic;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * k8s/: every overlay renders offline with `kubectl kustomize`, with the platform's
 * topics, Kafka, Redis and the PostgreSQL of people-service, metrics-collector and
 * recording-service.
 */
class KustomizeTests {

    @ParameterizedTest
    @ValueSource(strings = { "dev", "prod" })
    void theOverlayRendersTheNamespaceKafkaRedisAndScrapeConfig(String overlay) {
        List<Map<String, Object>> objects = render(overlay);

        assertThat(objects).anySatisfy(o -> assertThat(o).containsEntry("kind", "Namespace")
            .satisfies(ns -> assertThat(Yamls.at(ns, "metadata.name")).isEqualTo("parley")));
        assertThat(objects).filteredOn(o -> !"Namespace".equals(o.get("kind")))
            .allSatisfy(o -> assertThat(Yamls.at(o, "metadata.namespace")).as("%s", Yamls.at(o, "metadata.name"))
                .isEqualTo("parley"));

        Map<String, Object> kafka = one(objects, "Kafka");
        assertThat(Yamls.map(kafka, "metadata.annotations")).containsEntry("strimzi.io/kraft", "enabled")
            .containsEntry("strimzi.io/node-pools", "enabled");
        assertThat(Yamls.list(kafka, "spec.kafka.listeners")).extracting(l -> l.get("port")).contains(9092);
        assertThat(Yamls.map(kafka, "spec.kafka.config")).containsEntry("auto.create.topics.enable", false);
        assertThat(Yamls.map(kafka, "spec")).doesNotContainKey("zookeeper");
        Map<String, Object> pool = one(objects, "KafkaNodePool");
        assertThat(Yamls.map(pool, "metadata.labels")).containsEntry("strimzi.io/cluster", "parley");
        assertThat(Yamls.at(pool, "spec.roles")).isEqualTo(List.of("controller", "broker"));
        assertThat(Yamls.at(pool, "spec.storage.volumes")).asList()
            .singleElement()
            .satisfies(v -> assertThat(v.toString()).contains("type=persistent-claim", "deleteClaim=false"));

        Map<String, Object> redis = one(objects, "StatefulSet");
        assertThat(Yamls.map(redis, "spec.template.metadata.labels")).containsEntry("app.kubernetes.io/name",
                "parley-redis");
        assertThat(Yamls.list(redis, "spec.volumeClaimTemplates")).singleElement()
            .satisfies(pvc -> assertThat(Yamls.at(pvc, "metadata.name")).isEqualTo("data"));
        String redisConf = objects.stream()
            .filter(o -> "ConfigMap".equals(o.get("kind"))
                    && Yamls.at(o, "metadata.name").toString().startsWith("parley-redis-config"))
            .map(o -> Yamls.map(o, "data").get("redis.conf").toString())
            .findFirst()
            .orElseThrow();
        assertThat(redisConf).contains("appendonly yes", "appendfsync everysec", "dir /data", "maxmemory 768mb",
                "maxmemory-policy noeviction");
        Map<String, Object> redisContainer = Yamls.list(redis, "spec.template.spec.containers").get(0);
        assertThat(Yamls.at(redisContainer, "args"))
            .hasToString("[/etc/redis/redis.conf, --requirepass, $(REDIS_PASSWORD)]");
        assertThat(Yamls.list(redisContainer, "env")).extracting(e -> e.get("name"))
            .containsExactlyInAnyOrder("REDIS_PASSWORD", "REDISCLI_AUTH");
        assertThat(Yamls.list(redisContainer, "env"))
            .allSatisfy(e -> assertThat(Yamls.map(e, "valueFrom.secretKeyRef")).containsEntry("name", "parley-redis")
                .containsEntry("key", "password"));
        assertThat(objects).anySatisfy(o -> assertThat(Yamls.at(o, "metadata.name")).isEqualTo("parley-redis"))
            .anySatisfy(o -> assertThat(Yamls.at(o, "metadata.name")).isEqualTo("parley-prometheus-scrape"));
        assertThat(objects).filteredOn(o -> "parley-prometheus-scrape".equals(Yamls.at(o, "metadata.name")))
            .singleElement()
            .satisfies(c -> assertThat(Yamls.map(c, "data").get("parley-scrape.yaml").toString()).contains(
                    "kubernetes_sd_configs", "__meta_kubernetes_pod_annotation_prometheus_io_scrape",
                    "target_label: application"));
    }

    /**
     * The KafkaTopic resources are the catalogue of libs/event-contracts, name for name
     * and partition for partition.
     */
    @ParameterizedTest
    @ValueSource(strings = { "dev", "prod" })
    void theTopicsAreTheCatalogueOfEventContracts(String overlay) {
        List<Map<String, Object>> topics = render(overlay).stream()
            .filter(o -> "KafkaTopic".equals(o.get("kind")))
            .toList();
        int brokers = (Integer) Yamls.at(one(render(overlay), "KafkaNodePool"), "spec.replicas");

        assertThat(topics).extracting(t -> Yamls.at(t, "spec.topicName"))
            .containsExactlyInAnyOrderElementsOf(Arrays.stream(Topic.values()).map(Topic::topicName).toList());
        for (Topic topic : Topic.values()) {
            Map<String, Object> resource = topics.stream()
                .filter(t -> topic.topicName().equals(Yamls.at(t, "spec.topicName")))
                .findFirst()
                .orElseThrow();
            assertThat(Yamls.map(resource, "metadata.labels")).containsEntry("strimzi.io/cluster", "parley");
            assertThat(Yamls.at(resource, "spec.partitions")).as(topic.topicName()).isEqualTo(topic.partitions());
            int replicas = (Integer) Yamls.at(resource, "spec.replicas");
            int minInSync = (Integer) Yamls.map(resource, "spec.config").get("min.insync.replicas");
            assertThat(replicas).as("%s replicas on %d brokers", topic.topicName(), brokers).isBetween(1, brokers);
            // acks=all keeps accepting writes with one replica down
            assertThat(minInSync).as(topic.topicName()).isEqualTo(replicas == 1 ? 1 : replicas - 1);
            assertThat(Yamls.map(resource, "spec.config")).as(topic.topicName()).containsKey("retention.ms");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = { "prod" })
    void productionRunsThreeKafkaNodesWithReplicatedTopics(String overlay) {
        List<Map<String, Object>> objects = render(overlay);

        assertThat(Yamls.at(one(objects, "KafkaNodePool"), "spec.replicas")).isEqualTo(3);
        assertThat(Yamls.map(one(objects, "Kafka"), "spec.kafka.config")).containsEntry("min.insync.replicas", 2)
            .containsEntry("default.replication.factor", 3);
        assertThat(objects).filteredOn(o -> "KafkaTopic".equals(o.get("kind")))
            .allSatisfy(t -> assertThat(Yamls.at(t, "spec.replicas")).isEqualTo(3));
    }

    /**
     * A CloudNativePG Cluster per service with a database (people-service,
     * metrics-collector, recording-service), whose Service and Secret are what the
     * chart's database defaults of that service name.
     */
    @ParameterizedTest
    @CsvSource({ "dev,parley-people,peopleService", "prod,parley-people,peopleService",
            "dev,parley-quality,metricsCollector", "prod,parley-quality,metricsCollector",
            "dev,parley-recordings,recordings", "prod,parley-recordings,recordings" })
    void theOverlayDeclaresEachServicesPostgresAsTheChartExpectsIt(String overlay, String name, String service) {
        List<Map<String, Object>> objects = render(overlay);

        Map<String, Object> cluster = cluster(objects, name);
        assertThat(cluster).containsEntry("apiVersion", "postgresql.cnpg.io/v1");
        Map<String, Object> initdb = Yamls.map(cluster, "spec.bootstrap.initdb");
        assertThat(initdb.get("owner")).isEqualTo(initdb.get("database"));
        assertThat(Yamls.at(cluster, "spec.storage.size")).isNotNull();
        assertThat(Yamls.map(cluster, "spec.resources.limits")).containsKey("memory");
        assertThat(Yamls.at(Chart.defaultValues(), service + ".database.host")).isEqualTo(name + "-rw");
        assertThat(Yamls.at(Chart.defaultValues(), service + ".database.existingSecret")).isEqualTo(name + "-app");
        assertThat(Yamls.at(Chart.defaultValues(), service + ".database.name")).isEqualTo(initdb.get("database"));
        // backups need an object store the overlays do not have (docs/operations.md,
        // "Database (PostgreSQL)")
        assertThat(Yamls.map(cluster, "spec")).doesNotContainKey("backup");
        assertThat(objects).noneMatch(o -> "ScheduledBackup".equals(o.get("kind")));
    }

    /**
     * The chart's egress to a database goes to its cluster's instances.
     */
    @ParameterizedTest
    @CsvSource({ "parley-people,postgresPeers", "parley-quality,qualityPostgresPeers" })
    void theChartsPostgresEgressIsToTheCluster(String name, String peers) {
        assertThat(cluster(render("prod"), name)).isNotNull();
        assertThat(Yamls.at(Chart.defaultValues(), "networkPolicy." + peers)).asList()
            .singleElement()
            .satisfies(peer -> assertThat(peer.toString()).contains("cnpg.io/cluster=" + name));
    }

    @Test
    void peopleServiceMetricsCollectorAndRecordingServiceHaveAClusterEach() {
        assertThat(render("dev")).filteredOn(o -> "Cluster".equals(o.get("kind")))
            .extracting(o -> Yamls.at(o, "metadata.name"), o -> Yamls.at(o, "spec.bootstrap.initdb.database"))
            .containsExactlyInAnyOrder(tuple("parley-people", "people"), tuple("parley-quality", "quality"),
                    tuple("parley-recordings", "recordings"));
    }

    @ParameterizedTest
    @CsvSource({ "prod,parley-people", "prod,parley-quality", "prod,parley-recordings" })
    void productionRunsThreePostgresInstancesOnThreeNodes(String overlay, String name) {
        Map<String, Object> cluster = cluster(render(overlay), name);

        assertThat(Yamls.at(cluster, "spec.instances")).isEqualTo(3);
        assertThat(Yamls.map(cluster, "spec.affinity")).containsEntry("enablePodAntiAffinity", true)
            .containsEntry("podAntiAffinityType", "required")
            .containsEntry("topologyKey", "kubernetes.io/hostname");
    }

    @ParameterizedTest
    @CsvSource({ "dev,parley-people", "dev,parley-quality", "dev,parley-recordings" })
    void aLaptopClusterRunsOnePostgresInstance(String overlay, String name) {
        assertThat(Yamls.at(cluster(render(overlay), name), "spec.instances")).isEqualTo(1);
    }

    private static Map<String, Object> cluster(List<Map<String, Object>> objects, String name) {
        List<Map<String, Object>> matching = objects.stream()
            .filter(o -> "Cluster".equals(o.get("kind")) && name.equals(Yamls.at(o, "metadata.name")))
            .toList();
        assertThat(matching).as("Cluster %s", name).hasSize(1);
        return matching.get(0);
    }

    static List<Map<String, Object>> render(String overlay) {
        Tools.Result result = Tools.run(Tools.kubectl(), List.of("kustomize", "k8s/overlays/" + overlay), Chart.ROOT);
        assertThat(result.exitCode()).as("kubectl kustomize k8s/overlays/%s:%n%s", overlay, result.output()).isZero();
        return Yamls.loadAll(result.stdout());
    }

    private static Map<String, Object> one(List<Map<String, Object>> objects, String kind) {
        List<Map<String, Object>> matching = objects.stream().filter(o -> kind.equals(o.get("kind"))).toList();
        assertThat(matching).as(kind).hasSize(1);
        return matching.get(0);
    }

}
