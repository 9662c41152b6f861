package io.parley.e2e;

import java.util.Optional;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Gives a test method, or a class's {@code @BeforeAll} method, its {@link Browsers}: per
 * test, or shared by the tests of the class (opening Chromium twice per test adds up).
 * After a failed test, every browser it could have used leaves a screenshot and its
 * console log; a test's own browsers are quit after it, a class's after the class.
 */
final class BrowsersExtension implements ParameterResolver, AfterEachCallback, AfterAllCallback {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(Browsers.class);

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == Browsers.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return context.getStore(NAMESPACE).computeIfAbsent(Browsers.class, key -> new Browsers(), Browsers.class);
    }

    @Override
    public void afterEach(ExtensionContext context) {
        Browsers own = context.getStore(NAMESPACE).remove(Browsers.class, Browsers.class);
        Optional<Browsers> shared = context.getParent()
            .map(parent -> parent.getStore(NAMESPACE).get(Browsers.class, Browsers.class));
        try {
            if (context.getExecutionException().isPresent()) {
                String name = context.getRequiredTestClass().getSimpleName() + "-"
                        + context.getRequiredTestMethod().getName();
                shared.ifPresent(browsers -> browsers.captureFailure(name));
                if (own != null) {
                    own.captureFailure(name);
                }
            }
        }
        finally {
            if (own != null) {
                own.close();
            }
        }
    }

    @Override
    public void afterAll(ExtensionContext context) {
        Browsers shared = context.getStore(NAMESPACE).remove(Browsers.class, Browsers.class);
        if (shared != null) {
            shared.close();
        }
    }

}
