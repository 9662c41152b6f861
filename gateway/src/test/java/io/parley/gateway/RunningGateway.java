package io.parley.gateway;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.parley.harness.RedisServerProcess;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.web.reactive.server.WebTestClient;

/** The real gateway application on a random port, pointed at the given Redis and backends. */
final class RunningGateway implements AutoCloseable {

    private final ConfigurableApplicationContext context;
    private final int port;

    private RunningGateway(ConfigurableApplicationContext context) {
        this.context = context;
        this.port = context.getEnvironment().getRequiredProperty("local.server.port", Integer.class);
    }

    static RunningGateway start(RedisServerProcess redis, Map<String, String> services, String... extraArgs) {
        List<String> args = new ArrayList<>(List.of("--server.port=0", "--spring.data.redis.port=" + redis.port(),
                "--spring.data.redis.host=" + redis.host(), "--parley.tokens.jwks-uri=" + TestTokens.jwksUri(),
                "--parley.access-tokens.jwks-uri=" + TestTokens.jwksUri()));
        services.forEach((id, uris) -> args.add("--parley.gateway.services." + id + "=" + uris));
        args.addAll(List.of(extraArgs));
        return new RunningGateway(new SpringApplicationBuilder(GatewayApplication.class).run(args.toArray(String[]::new)));
    }

    WebTestClient client() {
        return WebTestClient.bindToServer().baseUrl(baseUrl()).responseTimeout(java.time.Duration.ofSeconds(20)).build();
    }

    String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    int port() {
        return port;
    }

    <T> T bean(Class<T> type) {
        return context.getBean(type);
    }

    @Override
    public void close() {
        context.close();
    }
}
