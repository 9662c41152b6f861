package io.parley.gateway.routing;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import io.parley.gateway.GatewayProperties;
import org.springframework.cloud.client.DefaultServiceInstance;
import org.springframework.cloud.client.ServiceInstance;
import org.springframework.cloud.client.discovery.ReactiveDiscoveryClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;

/**
 * Service instances as configured in {@code parley.gateway.services}; routes address them
 * as {@code lb://id}, so several URIs for one service are load-balanced. In Kubernetes
 * each service id has one URI, its Service. The instances are built once: they are
 * configuration.
 */
@Component
public class ConfiguredServicesDiscoveryClient implements ReactiveDiscoveryClient {

    private final Map<String, List<ServiceInstance>> services;

    public ConfiguredServicesDiscoveryClient(GatewayProperties properties) {
        this.services = properties.services()
            .entrySet()
            .stream()
            .collect(Collectors.toUnmodifiableMap(Map.Entry::getKey,
                    service -> instances(service.getKey(), service.getValue())));
    }

    private static List<ServiceInstance> instances(String serviceId, List<URI> uris) {
        return IntStream.range(0, uris.size()).mapToObj(index -> instance(serviceId, index, uris.get(index))).toList();
    }

    private static ServiceInstance instance(String serviceId, int index, URI uri) {
        boolean secure = "https".equals(uri.getScheme());
        int port = uri.getPort() != -1 ? uri.getPort() : secure ? 443 : 80;
        return new DefaultServiceInstance(serviceId + "-" + index, serviceId, uri.getHost(), port, secure);
    }

    @Override
    public String description() {
        return "Parley services from parley.gateway.services";
    }

    /** The configured instances of a service; empty for an unknown one. */
    public List<ServiceInstance> instances(String serviceId) {
        return services.getOrDefault(serviceId, List.of());
    }

    @Override
    public Flux<ServiceInstance> getInstances(String serviceId) {
        return Flux.fromIterable(instances(serviceId));
    }

    @Override
    public Flux<String> getServices() {
        return Flux.fromIterable(services.keySet());
    }

}
