package io.parley.quality;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
public class MetricsCollectorApplication {

    public static void main(String[] args) {
        SpringApplication.run(MetricsCollectorApplication.class, args);
    }

}
