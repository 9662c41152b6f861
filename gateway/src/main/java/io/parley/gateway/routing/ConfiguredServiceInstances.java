package io.parley.gateway.routing;

import java.util.List;

import org.springframework.cloud.client.ServiceInstance;
import org.springframework.cloud.loadbalancer.core.ServiceInstanceListSupplier;
import org.springframework.cloud.loadbalancer.support.LoadBalancerClientFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;
import reactor.core.publisher.Flux;

/**
 * What each route's load balancer picks from: the configured instances of its service,
 * looked up once. Spring Cloud LoadBalancer's own supplier asks the discovery client
 * again for every request, under a timeout (a timer scheduled per request); its cache,
 * the usual cure, would only expire what cannot change. Registered in each load
 * balancer's context by {@link LoadBalancingConfiguration}, so deliberately not a
 * {@code @Configuration} the component scan would find.
 */
class ConfiguredServiceInstances {

    @Bean
    ServiceInstanceListSupplier serviceInstances(Environment environment, ConfiguredServicesDiscoveryClient services) {
        String serviceId = environment.getProperty(LoadBalancerClientFactory.PROPERTY_NAME);
        Flux<List<ServiceInstance>> instances = Flux.just(services.instances(serviceId));
        return new ServiceInstanceListSupplier() {

            @Override
            public String getServiceId() {
                return serviceId;
            }

            @Override
            public Flux<List<ServiceInstance>> get() {
                return instances;
            }
        };
    }

}
