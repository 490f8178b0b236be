import java.lang.management.ManagementFactory;
import javax.net.ssl.SSLContext;

/**
 * Whether a second TLS context with the default trust managers (as the AWS SDK's URL-connection
 * client builds one) holds a second copy of the JDK's trust store next to the host's default
 * context: prints the X509CertImpl count of the live heap after each, from
 * {@code jcmd PID GC.class_histogram}.
 *
 * <p>usage: {@code java bench/agents/TrustStoreSharing.java} (JDK 11+, jcmd on the PATH of the JDK)
 */
public class TrustStoreSharing {
    public static void main(String[] args) throws Exception {
        SSLContext.getDefault().getSocketFactory();
        System.out.println("host's default TLS context: " + certificates());
        SSLContext second = SSLContext.getInstance("TLS");
        second.init(null, null, null);
        second.getSocketFactory();
        System.out.println("and a second one with the default trust managers: " + certificates());
    }

    private static String certificates() throws Exception {
        String pid = ManagementFactory.getRuntimeMXBean().getName().split("@")[0];
        String jcmd = System.getProperty("java.home") + "/bin/jcmd";
        Process p = new ProcessBuilder(jcmd, pid, "GC.class_histogram").redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        p.waitFor();
        for (String line : out.split("\n")) {
            if (line.contains(" sun.security.x509.X509CertImpl ")) { // "  25:  144  11520  sun.security...."
                return line.trim().split("\\s+")[1] + " X509CertImpl";
            }
        }
        return "no X509CertImpl";
    }
}
