import java.io.ByteArrayInputStream;
import java.lang.management.ClassLoadingMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.nio.charset.StandardCharsets;
import javax.xml.parsers.SAXParserFactory;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamReader;
import org.xml.sax.helpers.DefaultHandler;

/**
 * What the agent's web identity answer parsing (the JDK's StAX parser, as WebIdentityAnswer uses
 * it) adds to a JVM, alone and after the host has parsed XML with SAX the way logback reads
 * logback.xml: loaded classes and metaspace used after each step.
 *
 * <p>usage: {@code java bench/agents/XmlParserSharing.java stax} and
 * {@code java bench/agents/XmlParserSharing.java sax stax} (JDK 11+)
 */
public class XmlParserSharing {
    private static final byte[] STS_ANSWER = ("<AssumeRoleWithWebIdentityResponse xmlns=\"https://sts.amazonaws.com/doc/"
            + "2011-06-15/\"><AssumeRoleWithWebIdentityResult><Credentials><AccessKeyId>ASIAEXAMPLE</AccessKeyId>"
            + "<SecretAccessKey>secret</SecretAccessKey><SessionToken>token</SessionToken>"
            + "<Expiration>2026-12-03T21:17:32Z</Expiration></Credentials></AssumeRoleWithWebIdentityResult>"
            + "</AssumeRoleWithWebIdentityResponse>").getBytes(StandardCharsets.UTF_8);
    private static final byte[] LOGBACK_XML = ("<configuration><appender name=\"STDOUT\" class=\"x.ConsoleAppender\">"
            + "<encoder><pattern>%d %msg%n</pattern></encoder></appender><root level=\"info\">"
            + "<appender-ref ref=\"STDOUT\"/></root></configuration>").getBytes(StandardCharsets.UTF_8);

    public static void main(String[] args) throws Exception {
        report("start");
        for (String step : args) {
            if (step.equals("sax")) {
                SAXParserFactory factory = SAXParserFactory.newInstance();
                factory.setNamespaceAware(true);
                factory.newSAXParser().parse(new ByteArrayInputStream(LOGBACK_XML), new DefaultHandler());
                report("after a SAX parse (as logback reads its configuration)");
            } else if (step.equals("stax")) {
                XMLInputFactory factory = (XMLInputFactory) XMLInputFactory.class.getMethod("newDefaultFactory")
                        .invoke(null);
                factory.setProperty(XMLInputFactory.SUPPORT_DTD, Boolean.FALSE);
                factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, Boolean.FALSE);
                factory.setProperty(XMLInputFactory.IS_COALESCING, Boolean.TRUE);
                XMLStreamReader reader = factory.createXMLStreamReader(new ByteArrayInputStream(STS_ANSWER));
                while (reader.hasNext()) {
                    reader.next();
                }
                report("after the STS answer parsed with StAX (as the agent does)");
            } else {
                throw new IllegalArgumentException("steps: sax, stax");
            }
        }
    }

    private static long last = -1;
    private static long lastUsed = -1;

    private static void report(String what) {
        System.gc();
        ClassLoadingMXBean classes = ManagementFactory.getClassLoadingMXBean();
        long loaded = classes.getTotalLoadedClassCount();
        long used = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getName().equals("Metaspace")) {
                used = pool.getUsage().getUsed();
            }
        }
        System.out.printf("%-60s classes loaded %5d%s, metaspace used %6.2f MB%s%n", what, loaded,
                last < 0 ? "" : String.format(" (+%d)", loaded - last), used / 1048576.0,
                lastUsed < 0 ? "" : String.format(" (%+.2f)", (used - lastUsed) / 1048576.0));
        last = loaded;
        lastUsed = used;
    }
}
