package io.roxxane.provisioner.resources;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import software.amazon.awssdk.core.SdkRequest;

/**
 * An SDK client interface answered by scripted functions, for states an emulator cannot produce
 * (a failed Lambda, a Firehose stream in CREATING_FAILED). Calls through the consumer-builder
 * overloads reach the request overloads (the interface's default methods); every request is
 * recorded; an unscripted operation fails the test.
 */
final class FakeClient<C> {
    private final Map<String, Function<SdkRequest, Object>> answers = new HashMap<>();
    private final List<SdkRequest> requests = new ArrayList<>();
    private final C client;

    private FakeClient(Class<C> type) {
        InvocationHandler handler = (proxy, method, args) -> {
            if (method.getName().equals("close")) {
                return null;
            }
            if (method.getName().equals("serviceName")) {
                return type.getSimpleName();
            }
            if (args != null && args.length == 1 && args[0] instanceof SdkRequest request) {
                requests.add(request);
                Function<SdkRequest, Object> answer = answers.get(method.getName());
                if (answer == null) {
                    throw new UnsupportedOperationException("not scripted: " + method.getName());
                }
                return answer.apply(request);
            }
            if (method.isDefault()) {
                return InvocationHandler.invokeDefault(proxy, method, args);
            }
            throw new UnsupportedOperationException(method.toString());
        };
        this.client = type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, handler));
    }

    static <C> FakeClient<C> of(Class<C> type) {
        return new FakeClient<>(type);
    }

    /** Answers {@code operation} (the method name, e.g. {@code getFunction}) with {@code answer}. */
    @SuppressWarnings("unchecked")
    <Q extends SdkRequest> FakeClient<C> on(String operation, Function<Q, Object> answer) {
        answers.put(operation, request -> answer.apply((Q) request));
        return this;
    }

    C client() {
        return client;
    }

    List<SdkRequest> requests() {
        return requests;
    }
}
