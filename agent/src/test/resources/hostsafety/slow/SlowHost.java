import java.lang.management.ManagementFactory;
import java.util.concurrent.atomic.AtomicInteger;
import javax.management.MBeanServer;
import javax.management.ObjectName;

/**
 * A service whose MBeans misbehave: slow:name=a_stuck's getter blocks for a minute, slow:name=c_throws's
 * throws, slow:name=b_fine's returns 7. Runs for the seconds given, then prints how often each
 * getter was called and exits, the stuck getter still blocked.
 */
public class SlowHost {
    public interface ValueMBean {
        double getValue();
    }

    public static final class Value implements ValueMBean {
        final String kind;
        final AtomicInteger calls = new AtomicInteger();

        Value(String kind) {
            this.kind = kind;
        }

        @Override
        public double getValue() {
            calls.incrementAndGet();
            if (kind.equals("stuck")) {
                try {
                    Thread.sleep(60_000);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return 1;
            }
            if (kind.equals("throws")) {
                throw new IllegalStateException("the application's getter failed");
            }
            return 7;
        }
    }

    public static void main(String[] args) throws Exception {
        MBeanServer server = ManagementFactory.getPlatformMBeanServer();
        Value stuck = new Value("stuck");
        Value fine = new Value("fine");
        Value throwing = new Value("throws");
        server.registerMBean(stuck, new ObjectName("slow:name=a_stuck"));
        server.registerMBean(fine, new ObjectName("slow:name=b_fine"));
        server.registerMBean(throwing, new ObjectName("slow:name=c_throws"));
        System.out.println("host: ready");
        Thread.sleep(Long.parseLong(args[0]) * 1000);
        System.out.println("host: calls stuck=" + stuck.calls.get() + " fine=" + fine.calls.get()
                + " throws=" + throwing.calls.get());
        System.out.println("host: exiting");
        System.exit(0);
    }
}
