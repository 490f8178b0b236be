package io.roxxane.agent.cli.attach;

import java.io.File;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import net.bytebuddy.agent.ByteBuddyAgent;
import net.bytebuddy.agent.ByteBuddyAgent.AttachmentProvider;

/**
 * The JDK's attach API ({@code com.sun.tools.attach}: module jdk.attach, or tools.jar on Java 8),
 * found through Byte Buddy's attachment providers and called reflectively, because the agent is
 * compiled for Java 8 and runs in a class loader that only sees the JDK.
 */
public final class AttachApi {
    private static final String DESCRIPTOR = "com.sun.tools.attach.VirtualMachineDescriptor";

    private final AttachmentProvider provider;
    private final Class<?> virtualMachine;

    private AttachApi(AttachmentProvider provider, Class<?> virtualMachine) {
        this.provider = provider;
        this.virtualMachine = virtualMachine;
    }

    /** The attach API of the Java running this command, or null when it has none. */
    public static AttachApi find() {
        try {
            AttachmentProvider provider = AttachmentProvider.DEFAULT;
            AttachmentProvider.Accessor accessor = provider.attempt();
            if (!accessor.isAvailable()) {
                return null;
            }
            return new AttachApi(provider, accessor.getVirtualMachineType());
        } catch (Throwable t) {
            return null;
        }
    }

    /** The JVMs the attach API lists: those of this user that accept attach. */
    public List<LocalJvm> list() throws Exception {
        Class<?> descriptor = Class.forName(DESCRIPTOR, false, virtualMachine.getClassLoader());
        Method id = descriptor.getMethod("id");
        Method displayName = descriptor.getMethod("displayName");
        List<LocalJvm> jvms = new ArrayList<LocalJvm>();
        for (Object vm : (List<?>) invoke(virtualMachine.getMethod("list"), null)) {
            long pid;
            try {
                pid = Long.parseLong((String) id.invoke(vm));
            } catch (NumberFormatException e) {
                continue;
            }
            String name = (String) displayName.invoke(vm);
            jvms.add(new LocalJvm(pid, name == null || name.equals(Long.toString(pid))
                    ? "?" : JavaCommandLine.mainOfJavaCommand(name)));
        }
        return jvms;
    }

    /** The system properties of a running JVM (attaches and detaches). */
    public Properties systemProperties(long pid) throws Exception {
        Object vm = invoke(virtualMachine.getMethod("attach", String.class), null, Long.toString(pid));
        try {
            return (Properties) invoke(virtualMachine.getMethod("getSystemProperties"), vm);
        } finally {
            invoke(virtualMachine.getMethod("detach"), vm);
        }
    }

    /** Loads {@code agentJar} into the JVM {@code pid}, which calls its {@code agentmain(arguments)}. */
    public void loadAgent(File agentJar, long pid, String arguments) {
        ByteBuddyAgent.attach(agentJar, Long.toString(pid), arguments, provider);
    }

    private static Object invoke(Method method, Object target, Object... args) throws Exception {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            Throwable cause = e.getCause();
            if (cause instanceof Exception) {
                throw (Exception) cause;
            }
            throw e;
        }
    }
}
