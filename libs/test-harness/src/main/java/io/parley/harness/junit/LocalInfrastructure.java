package io.parley.harness.junit;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

import io.parley.harness.KafkaBrokerProcess;
import io.parley.harness.PostgresServerProcess;
import io.parley.harness.RedisServerProcess;
import io.parley.harness.SharedInfrastructure;

/**
 * Injects the shared Redis server, PostgreSQL server and Kafka broker into test
 * constructors and methods. Each is started on first use; a missing {@code redis-server}
 * fails the test with install instructions instead of skipping it.
 */
public class LocalInfrastructure implements ParameterResolver {

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext extension) {
        Class<?> type = parameter.getParameter().getType();
        return type == RedisServerProcess.class || type == PostgresServerProcess.class
                || type == KafkaBrokerProcess.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext extension) {
        Class<?> type = parameter.getParameter().getType();
        if (type == RedisServerProcess.class) {
            return SharedInfrastructure.redis();
        }
        return type == PostgresServerProcess.class ? SharedInfrastructure.postgres() : SharedInfrastructure.kafka();
    }

}
