import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.jna.Library;
import com.sun.jna.Native;
import java.io.BufferedReader;
import java.io.File;
import java.io.InputStreamReader;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.utils.BinaryUtils;

/**
 * A host application with its own, older Jackson, SLF4J 1.7 (no binding), JNA and AWS SDK.
 * It waits for one line on stdin, uses each library, says which jar each class came from, and
 * exits with code 7.
 */
public class LegacyLibsHost {
    public interface CLibrary extends Library {
        int getpid();
    }

    public static void main(String[] args) throws Exception {
        System.out.println("host: ready");
        System.out.flush();
        new BufferedReader(new InputStreamReader(System.in)).readLine();

        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("app", "legacy");
        doc.put("n", 42);
        System.out.println("host: jackson " + new ObjectMapper().writeValueAsString(doc) + " from " + jar(ObjectMapper.class));

        Logger log = LoggerFactory.getLogger(LegacyLibsHost.class);
        log.info("this goes nowhere: SLF4J 1.7 without a binding");
        System.out.println("host: slf4j logger " + log.getClass().getName() + " from " + jar(LoggerFactory.class));

        CLibrary libc = Native.load("c", CLibrary.class);
        long pid = ProcessHandle.current().pid();
        System.out.println("host: jna getpid matches = " + (libc.getpid() == pid) + " from " + jar(Native.class));

        String hex = BinaryUtils.toHex(SdkBytes.fromUtf8String("roxxane").asByteArray());
        System.out.println("host: aws sdk " + hex + " from " + jar(SdkBytes.class));
        System.out.println("host: exiting 7");
        System.out.flush();
        System.exit(7);
    }

    private static String jar(Class<?> type) throws Exception {
        return new File(type.getProtectionDomain().getCodeSource().getLocation().toURI()).getName();
    }
}
