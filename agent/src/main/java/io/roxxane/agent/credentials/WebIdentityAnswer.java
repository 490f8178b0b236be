package io.roxxane.agent.credentials;

import java.io.ByteArrayInputStream;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
import javax.xml.stream.FactoryConfigurationError;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import software.amazon.awssdk.utils.DateUtils;

/**
 * Reads STS's XML answers to {@code AssumeRoleWithWebIdentity} (the query protocol): the
 * credentials of a success, the code and message of an error. The JDK's own StAX parser, with
 * DTDs and external entities off.
 */
final class WebIdentityAnswer {
    private static final String CREDENTIALS =
            "AssumeRoleWithWebIdentityResponse/AssumeRoleWithWebIdentityResult/Credentials/";
    private static final String ROLE_USER_ARN =
            "AssumeRoleWithWebIdentityResponse/AssumeRoleWithWebIdentityResult/AssumedRoleUser/Arn";
    private static final String ERROR = "ErrorResponse/Error/";

    private WebIdentityAnswer() {
    }

    /** Thrown when an answer is not the XML it should be. */
    static final class Malformed extends Exception {
        private static final long serialVersionUID = 1L;

        Malformed(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /** Temporary credentials, as STS gave them. */
    static final class Credentials {
        final String accessKeyId;
        final String secretAccessKey;
        final String sessionToken;
        final Instant expiration;
        /** The twelve digits of the assumed role's ARN, or null. */
        final String accountId;

        Credentials(String accessKeyId, String secretAccessKey, String sessionToken, Instant expiration,
                String accountId) {
            this.accessKeyId = accessKeyId;
            this.secretAccessKey = secretAccessKey;
            this.sessionToken = sessionToken;
            this.expiration = expiration;
            this.accountId = accountId;
        }
    }

    /** An error answer's code and message; either may be null. */
    static final class ErrorAnswer {
        final String code;
        final String message;

        ErrorAnswer(String code, String message) {
            this.code = code;
            this.message = message;
        }
    }

    /** @throws Malformed when the answer is not XML or lacks a key, the token or the expiration */
    static Credentials credentials(byte[] xml) throws Malformed {
        Map<String, String> values = values(xml);
        String accessKeyId = required(values, CREDENTIALS + "AccessKeyId");
        String secretAccessKey = required(values, CREDENTIALS + "SecretAccessKey");
        String sessionToken = required(values, CREDENTIALS + "SessionToken");
        String expiration = required(values, CREDENTIALS + "Expiration");
        Instant expires;
        try {
            expires = DateUtils.parseIso8601Date(expiration.trim());
        } catch (RuntimeException e) {
            throw new Malformed("Expiration '" + expiration + "' is not an ISO 8601 time", e);
        }
        return new Credentials(accessKeyId.trim(), secretAccessKey.trim(), sessionToken.trim(), expires,
                accountId(values.get(ROLE_USER_ARN)));
    }

    /** The error's code and message; both null when the answer is not STS's error XML. */
    static ErrorAnswer error(byte[] xml) {
        try {
            Map<String, String> values = values(xml);
            return new ErrorAnswer(trimmed(values.get(ERROR + "Code")), trimmed(values.get(ERROR + "Message")));
        } catch (Malformed e) {
            return new ErrorAnswer(null, null);
        }
    }

    /** {@code arn:aws:sts::123456789012:assumed-role/name/session} gives {@code 123456789012}. */
    static String accountId(String arn) {
        if (arn == null) {
            return null;
        }
        String[] parts = arn.trim().split(":", 6);
        return parts.length == 6 && parts[4].matches("[0-9]{12}") ? parts[4] : null;
    }

    /** The text of every leaf element, by its path of local names from the root. */
    private static Map<String, String> values(byte[] xml) throws Malformed {
        Map<String, String> values = new HashMap<String, String>();
        XMLStreamReader reader = null;
        try {
            reader = jdkFactory().createXMLStreamReader(new ByteArrayInputStream(xml));
            Deque<String> path = new ArrayDeque<String>();
            StringBuilder text = new StringBuilder();
            while (reader.hasNext()) {
                switch (reader.next()) {
                    case XMLStreamConstants.START_ELEMENT:
                        path.addLast(reader.getLocalName());
                        text.setLength(0);
                        break;
                    case XMLStreamConstants.CHARACTERS:
                    case XMLStreamConstants.CDATA:
                        text.append(reader.getText());
                        break;
                    case XMLStreamConstants.END_ELEMENT:
                        values.put(join(path), text.toString());
                        path.removeLast();
                        text.setLength(0);
                        break;
                    default:
                        break;
                }
            }
            return values;
        } catch (XMLStreamException | RuntimeException | FactoryConfigurationError e) {
            throw new Malformed("not XML: " + e.getMessage(), e);
        } finally {
            if (reader != null) {
                try {
                    reader.close();
                } catch (XMLStreamException ignored) {
                    // nothing held but the byte array
                }
            }
        }
    }

    private static String join(Deque<String> path) {
        StringBuilder joined = new StringBuilder();
        for (String name : path) {
            joined.append(joined.length() == 0 ? "" : "/").append(name);
        }
        return joined.toString();
    }

    private static String required(Map<String, String> values, String path) throws Malformed {
        String value = values.get(path);
        if (value == null || value.trim().isEmpty()) {
            throw new Malformed("no " + path.substring(path.lastIndexOf('/') + 1) + " in the answer", null);
        }
        return value;
    }

    private static String trimmed(String value) {
        return value == null || value.trim().isEmpty() ? null : value.trim();
    }

    /**
     * The JDK's own StAX factory ({@code newDefaultFactory}, Java 9+), never one the host's class
     * path or system properties name; on Java 8 the lookup's result. DTDs and external entities off.
     * Made for each answer: there is one an hour.
     */
    private static XMLInputFactory jdkFactory() {
        XMLInputFactory factory;
        try {
            factory = (XMLInputFactory) XMLInputFactory.class.getMethod("newDefaultFactory").invoke(null);
        } catch (ReflectiveOperationException e) {
            factory = XMLInputFactory.newInstance();
        }
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, Boolean.FALSE);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, Boolean.FALSE);
        factory.setProperty(XMLInputFactory.IS_COALESCING, Boolean.TRUE);
        return factory;
    }
}
