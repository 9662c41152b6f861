package io.parley.gateway.routing;

import org.springframework.cloud.loadbalancer.annotation.LoadBalancerClients;
import org.springframework.context.annotation.Configuration;

/** Every route's load balancer picks from {@link ConfiguredServiceInstances}. */
@Configuration(proxyBeanMethods = false)
@LoadBalancerClients(defaultConfiguration = ConfiguredServiceInstances.class)
class LoadBalancingConfiguration {

}
