/** The host's own LogManager, as application servers install one. */
public class HostLogManager extends java.util.logging.LogManager {
    public HostLogManager() {
    }
}
