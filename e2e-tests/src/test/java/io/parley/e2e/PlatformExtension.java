package io.parley.e2e;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Hands tests the running {@link Platform}, started on first use and shared by every test
 * class of the run: starting six JVMs and Kafka takes most of a minute on two cores. It
 * lives in the root context's store, which closes it (stops the whole stack) when the run
 * ends, failed or not. A start that failed is remembered, so the other tests fail at once
 * with its reason instead of each trying again for minutes.
 */
final class PlatformExtension implements ParameterResolver {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(Platform.class);

    private record FailedStart(RuntimeException cause) {
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == Platform.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        Object started = context.getRoot().getStore(NAMESPACE).computeIfAbsent(Platform.class, key -> {
            try {
                return Platform.startOrAttach(TestPaths.root(), TestPaths.output());
            }
            catch (RuntimeException ex) {
                return new FailedStart(ex);
            }
        });
        if (started instanceof FailedStart failed) {
            throw new IllegalStateException("the platform could not be started: " + failed.cause().getMessage(),
                    failed.cause());
        }
        return started;
    }

}
