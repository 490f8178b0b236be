import javax.management.MBeanServer;
import javax.management.MBeanServerBuilder;
import javax.management.MBeanServerDelegate;

/** The host's own MBeanServerBuilder (javax.management.builder.initial), as application servers set one. */
public class HostMBeanServerBuilder extends MBeanServerBuilder {
    static volatile boolean used;

    @Override
    public MBeanServer newMBeanServer(String defaultDomain, MBeanServer outer, MBeanServerDelegate delegate) {
        used = true;
        return super.newMBeanServer(defaultDomain, outer, delegate);
    }
}
