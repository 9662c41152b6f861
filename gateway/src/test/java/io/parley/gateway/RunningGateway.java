package io.parley.gateway;

import java.util.LinkedHashMap;
import java.util.Map;

import io.parley.harness.RedisServerProcess;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The real gateway application on a random port, pointed at the given Redis and backends.
 */
final class RunningGateway implements AutoCloseable {

    private final ConfigurableApplicationContext context;

    private final int port;

    private final int managementPort;

    private RunningGateway(ConfigurableApplicationContext context) {
        this.context = context;
        this.port = context.getEnvironment().getRequiredProperty("local.server.port", Integer.class);
        this.managementPort = context.getEnvironment().getRequiredProperty("local.management.port", Integer.class);
    }

    /**
     * An extra argument replaces a default of the same name: a repeated command-line
     * option would be joined.
     */
    static RunningGateway start(RedisServerProcess redis, Map<String, String> services, String... extraArgs) {
        Map<String, String> args = new LinkedHashMap<>();
        args.put("server.port", "0");
        args.put("management.server.port", "0");
        args.put("spring.data.redis.port", String.valueOf(redis.port()));
        args.put("spring.data.redis.host", redis.host());
        args.put("parley.tokens.jwks-uri", TestTokens.jwksUri());
        args.put("parley.access-tokens.jwks-uri", TestTokens.jwksUri());
        services.forEach((id, uris) -> args.put("parley.gateway.services." + id, uris));
        for (String extra : extraArgs) {
            int equals = extra.indexOf('=');
            args.put(extra.substring(2, equals), extra.substring(equals + 1));
        }
        String[] commandLine = args.entrySet()
            .stream()
            .map(arg -> "--" + arg.getKey() + "=" + arg.getValue())
            .toArray(String[]::new);
        return new RunningGateway(new SpringApplicationBuilder(GatewayApplication.class).run(commandLine));
    }

    WebTestClient client() {
        return WebTestClient.bindToServer()
            .baseUrl(baseUrl())
            .responseTimeout(java.time.Duration.ofSeconds(20))
            .build();
    }

    String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    int port() {
        return port;
    }

    /** Where /actuator answers: a port of its own, as probes and Prometheus reach it. */
    WebTestClient management() {
        return WebTestClient.bindToServer().baseUrl("http://127.0.0.1:" + managementPort).build();
    }

    <T> T bean(Class<T> type) {
        return context.getBean(type);
    }

    @Override
    public void close() {
        context.close();
    }

}
