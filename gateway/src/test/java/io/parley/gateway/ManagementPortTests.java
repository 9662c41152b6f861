package io.parley.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.MutablePropertySources;
import org.springframework.core.env.PropertySource;
import org.springframework.core.env.PropertySourcesPropertyResolver;
import org.springframework.core.io.ClassPathResource;

/**
 * The gateway's own configuration keeps /actuator off the public port wherever it runs,
 * not only where the chart says so (the integration tests pick free ports for both, so
 * they cannot show the defaults).
 */
class ManagementPortTests {

    @Test
    void servesActuatorOnAManagementPortOfItsOwnByDefault() throws IOException {
        List<PropertySource<?>> yaml = new YamlPropertySourceLoader().load("application.yml",
                new ClassPathResource("application.yml"));
        MutablePropertySources sources = new MutablePropertySources();
        yaml.forEach(sources::addLast);
        PropertySourcesPropertyResolver resolver = new PropertySourcesPropertyResolver(sources);

        assertThat(resolver.getProperty("management.server.port", Integer.class)).isEqualTo(9080);
        assertThat(resolver.getProperty("server.port", Integer.class)).isEqualTo(8080);
    }

}
