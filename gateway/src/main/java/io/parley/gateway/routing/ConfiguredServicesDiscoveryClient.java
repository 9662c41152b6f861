package io.parley.gateway.routing;

import java.net.URI;
import java.util.List;
import java.util.Map;

import io.parley.gateway.GatewayProperties;
import org.springframework.cloud.client.DefaultServiceInstance;
import org.springframework.cloud.client.ServiceInstance;
import org.springframework.cloud.client.discovery.ReactiveDiscoveryClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;

/**
 * Service instances as configured in {@code parley.gateway.services}; routes address them
 * as {@code lb://id}, so several URIs for one service are load-balanced. In Kubernetes
 * each service id has one URI, its Service.
 */
@Component
public class ConfiguredServicesDiscoveryClient implements ReactiveDiscoveryClient {

    private final Map<String, List<URI>> services;

    public ConfiguredServicesDiscoveryClient(GatewayProperties properties) {
        this.services = Map.copyOf(properties.services());
    }

    @Override
    public String description() {
        return "Parley services from parley.gateway.services";
    }

    @Override
    public Flux<ServiceInstance> getInstances(String serviceId) {
        List<URI> uris = services.getOrDefault(serviceId, List.of());
        return Flux.range(0, uris.size()).map(index -> instance(serviceId, index, uris.get(index)));
    }

    private static ServiceInstance instance(String serviceId, int index, URI uri) {
        boolean secure = "https".equals(uri.getScheme());
        int port = uri.getPort() != -1 ? uri.getPort() : secure ? 443 : 80;
        return new DefaultServiceInstance(serviceId + "-" + index, serviceId, uri.getHost(), port, secure);
    }

    @Override
    public Flux<String> getServices() {
        return Flux.fromIterable(services.keySet());
    }

}
