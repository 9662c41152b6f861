package io.parley.streamlimit;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
public class StreamLimitServiceApplication {

    public static void main(String[] args) {
        SpringApplication.run(StreamLimitServiceApplication.class, args);
    }

}
