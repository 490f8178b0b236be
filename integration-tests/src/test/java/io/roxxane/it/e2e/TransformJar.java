package io.roxxane.it.e2e;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;

/**
 * The transform Lambda as the managed runtime runs it: the deployment jar alone on a class
 * loader (the platform loader as parent, so nothing of the test's class path can stand in for
 * what the jar lacks), the handler named by the function's configuration
 * ({@code class::method}), a stream handler called with the event bytes.
 */
final class TransformJar implements AutoCloseable {
    private final URLClassLoader loader;
    private final Object handler;
    private final Method method;

    private TransformJar(URLClassLoader loader, Object handler, Method method) {
        this.loader = loader;
        this.handler = handler;
        this.method = method;
    }

    static TransformJar load(Path jar, String handlerSpec) throws Exception {
        int separator = handlerSpec.indexOf("::");
        String className = separator < 0 ? handlerSpec : handlerSpec.substring(0, separator);
        String methodName = separator < 0 ? "handleRequest" : handlerSpec.substring(separator + 2);
        URLClassLoader loader = new URLClassLoader(new URL[] {jar.toUri().toURL()}, ClassLoader.getPlatformClassLoader());
        try {
            Class<?> type = Class.forName(className, true, loader);
            Class<?> context = Class.forName("com.amazonaws.services.lambda.runtime.Context", false, loader);
            Method method = type.getMethod(methodName, InputStream.class, OutputStream.class, context);
            Object handler = type.getConstructor().newInstance();
            return new TransformJar(loader, handler, method);
        } catch (Exception | LinkageError e) {
            loader.close();
            throw e;
        }
    }

    /** The class the handler was loaded from came from this jar's loader, not the test's class path. */
    ClassLoader handlerLoader() {
        return handler.getClass().getClassLoader();
    }

    /** One invocation: the transformation event in, the response out (a null Context, as the handler allows). */
    byte[] invoke(byte[] event) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            method.invoke(handler, new ByteArrayInputStream(event), out, null);
        } catch (InvocationTargetException e) {
            throw e.getCause() instanceof Exception cause ? cause : e;
        }
        return out.toByteArray();
    }

    @Override
    public void close() throws Exception {
        loader.close();
    }
}
