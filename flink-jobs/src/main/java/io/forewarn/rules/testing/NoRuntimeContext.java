package io.forewarn.rules.testing;

import java.lang.reflect.Proxy;
import org.apache.flink.api.common.functions.RuntimeContext;

/**
 * A runtime context for running rules outside a Flink job. Flink CEP hands one to the conditions of
 * an NFA; rule conditions never use it, so every call fails.
 */
public final class NoRuntimeContext {

    public static final RuntimeContext INSTANCE =
            (RuntimeContext)
                    Proxy.newProxyInstance(
                            RuntimeContext.class.getClassLoader(),
                            new Class<?>[] {RuntimeContext.class},
                            (proxy, method, args) -> {
                                if (method.getName().equals("toString")) {
                                    return "no runtime context (rule tests)";
                                }
                                throw new UnsupportedOperationException(
                                        "rule tests run outside a Flink job: " + method.getName());
                            });

    private NoRuntimeContext() {}
}
