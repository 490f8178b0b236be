import java.io.BufferedReader;
import java.io.File;
import java.io.InputStreamReader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** A host application with SLF4J 2 and its own provider (slf4j-simple): its log lines must still appear. */
public class Slf4j2Host {
    public static void main(String[] args) throws Exception {
        System.out.println("host: ready");
        System.out.flush();
        new BufferedReader(new InputStreamReader(System.in)).readLine();
        Logger log = LoggerFactory.getLogger(Slf4j2Host.class);
        log.info("host log line through its own provider");
        System.out.println("host: slf4j logger " + log.getClass().getName() + " from "
                + new File(LoggerFactory.class.getProtectionDomain().getCodeSource().getLocation().toURI()).getName());
        System.out.println("host: exiting 3");
        System.out.flush();
        System.exit(3);
    }
}
