package io.roxxane.agent.identity.context;

import io.roxxane.schema.Column;
import java.io.IOException;
import java.net.SocketTimeoutException;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The EC2 instance through IMDSv2, as the OpenTelemetry AWS EC2 resource detector reads it: a
 * session token ({@code PUT /latest/api/token} with a TTL header), then the instance identity
 * document ({@code GET /latest/dynamic/instance-identity/document} with the token): instance id,
 * type, availability zone, region, account id, image id. A field the document does not give is
 * asked for at its meta-data path. No IMDSv1 fallback: without a token nothing is asked.
 *
 * <p>Consulted only when {@code AWS_EC2_METADATA_DISABLED} is not {@code true} and either
 * {@code AWS_EC2_METADATA_SERVICE_ENDPOINT} names the endpoint or the machine says it is EC2
 * (DMI vendor "Amazon EC2", a Xen hypervisor uuid or a product uuid starting with "ec2"): on any
 * other machine nothing is contacted.
 */
final class Ec2Detector {
    static final String DISABLED_VARIABLE = "AWS_EC2_METADATA_DISABLED";
    static final String ENDPOINT_VARIABLE = "AWS_EC2_METADATA_SERVICE_ENDPOINT";
    static final String ENDPOINT_MODE_VARIABLE = "AWS_EC2_METADATA_SERVICE_ENDPOINT_MODE";
    static final String TOKEN_PATH = "/latest/api/token";
    static final String DOCUMENT_PATH = "/latest/dynamic/instance-identity/document";
    static final String TOKEN_TTL_HEADER = "X-aws-ec2-metadata-token-ttl-seconds";
    static final String TOKEN_HEADER = "X-aws-ec2-metadata-token";
    /** The token is used within the detection's two seconds; a minute is plenty. */
    static final String TOKEN_TTL_SECONDS = "60";

    /** The files that say "this is EC2", and what they start with. */
    static final String[] VENDOR_FILES = {"/sys/class/dmi/id/board_vendor", "/sys/class/dmi/id/sys_vendor"};
    static final String[] UUID_FILES = {"/sys/hypervisor/uuid", "/sys/devices/virtual/dmi/id/product_uuid"};

    /** The identity document's field for each column. */
    private static final Map<String, Column> DOCUMENT_FIELDS = new LinkedHashMap<String, Column>();
    /** The meta-data path for a column the document did not give (the account id has none). */
    private static final Map<Column, String> META_DATA_PATHS = new EnumMap<Column, String>(Column.class);

    static {
        DOCUMENT_FIELDS.put("instanceId", Column.HOST_ID);
        DOCUMENT_FIELDS.put("instanceType", Column.HOST_TYPE);
        DOCUMENT_FIELDS.put("imageId", Column.HOST_IMAGE_ID);
        DOCUMENT_FIELDS.put("availabilityZone", Column.CLOUD_AVAILABILITY_ZONE);
        DOCUMENT_FIELDS.put("region", Column.CLOUD_REGION);
        DOCUMENT_FIELDS.put("accountId", Column.CLOUD_ACCOUNT_ID);
        META_DATA_PATHS.put(Column.HOST_ID, "/latest/meta-data/instance-id");
        META_DATA_PATHS.put(Column.HOST_TYPE, "/latest/meta-data/instance-type");
        META_DATA_PATHS.put(Column.HOST_IMAGE_ID, "/latest/meta-data/ami-id");
        META_DATA_PATHS.put(Column.CLOUD_AVAILABILITY_ZONE, "/latest/meta-data/placement/availability-zone");
        META_DATA_PATHS.put(Column.CLOUD_REGION, "/latest/meta-data/placement/region");
    }

    private final String endpoint;

    private Ec2Detector(String endpoint) {
        this.endpoint = endpoint;
    }

    /** The detector when EC2 is to be consulted here, else null (nothing will be contacted). */
    static Ec2Detector forEnvironment(ContextEnvironment env, Problems problems) {
        if ("true".equalsIgnoreCase(env.variable(DISABLED_VARIABLE))) {
            return null;
        }
        String configured = env.variable(ENDPOINT_VARIABLE);
        if (configured != null) {
            if (!configured.toLowerCase(Locale.ROOT).startsWith("http://")) { // IMDS speaks plain HTTP only
                problems.add(ENDPOINT_VARIABLE + " is not an http:// URL; EC2 instance metadata not asked");
                return null;
            }
            return new Ec2Detector(withoutTrailingSlash(configured));
        }
        if (!machineSaysEc2(env)) {
            return null;
        }
        boolean ipv6 = "ipv6".equalsIgnoreCase(env.variable(ENDPOINT_MODE_VARIABLE));
        return new Ec2Detector(ipv6 ? env.imdsIpv6() : env.imdsIpv4());
    }

    /** DMI or the hypervisor says this is an EC2 instance. */
    static boolean machineSaysEc2(ContextEnvironment env) {
        for (String file : VENDOR_FILES) {
            String vendor = env.readSmallFile(file);
            if (vendor != null && vendor.equalsIgnoreCase("Amazon EC2")) {
                return true;
            }
        }
        for (String file : UUID_FILES) {
            String uuid = env.readSmallFile(file);
            if (uuid != null && uuid.toLowerCase(Locale.ROOT).startsWith("ec2")) {
                return true;
            }
        }
        return false;
    }

    String endpoint() {
        return endpoint;
    }

    /**
     * Asks IMDS until {@code deadlineNanos}; what it learnt (cloud provider and platform, host
     * and placement columns), empty when IMDS did not answer. Failures go to {@code problems}.
     */
    Map<Column, String> detect(MetadataHttp http, long deadlineNanos, Problems problems) {
        EnumMap<Column, String> found = new EnumMap<Column, String>(Column.class);
        String token;
        try {
            MetadataHttp.Answer answer = http.exchange("PUT", endpoint + TOKEN_PATH,
                    Collections.singletonMap(TOKEN_TTL_HEADER, TOKEN_TTL_SECONDS), deadlineNanos);
            token = answer.ok() ? answer.text().trim() : null;
            if (token == null) {
                problems.add(at(TOKEN_PATH) + ": HTTP " + answer.status + " (IMDSv2 session token refused)");
                return found;
            }
            if (!MetadataHttp.isToken(token)) {
                problems.add(at(TOKEN_PATH) + ": HTTP " + answer.status + " without a usable token");
                return found;
            }
        } catch (IOException | RuntimeException e) {
            problems.add(at(TOKEN_PATH) + ": " + Problems.describe(e) + hint());
            return found;
        }
        Map<String, String> headers = Collections.singletonMap(TOKEN_HEADER, token);
        String documentProblem = null;
        try {
            MetadataHttp.Answer answer = http.exchange("GET", endpoint + DOCUMENT_PATH, headers, deadlineNanos);
            if (answer.ok()) {
                Map<String, String> fields = JsonFields.of(answer.body);
                for (Map.Entry<String, Column> field : DOCUMENT_FIELDS.entrySet()) {
                    String value = fields.get(field.getKey());
                    if (value != null) {
                        found.put(field.getValue(), value);
                    }
                }
            } else {
                documentProblem = "HTTP " + answer.status;
            }
        } catch (SocketTimeoutException e) {
            problems.add(at(DOCUMENT_PATH) + ": " + Problems.describe(e));
            return withProvider(found);
        } catch (IOException | RuntimeException e) {
            documentProblem = Problems.describe(e);
        }
        for (Map.Entry<Column, String> path : META_DATA_PATHS.entrySet()) {
            if (found.containsKey(path.getKey())) {
                continue;
            }
            try {
                MetadataHttp.Answer answer = http.exchange("GET", endpoint + path.getValue(), headers, deadlineNanos);
                String value = answer.ok() ? answer.text().trim() : "";
                if (!value.isEmpty() && value.length() <= JsonFields.MAX_VALUE_CHARS && value.indexOf('\n') < 0) {
                    found.put(path.getKey(), value);
                }
            } catch (SocketTimeoutException e) {
                break; // no time left for the others either
            } catch (IOException | RuntimeException e) {
                // this path is missing; the next may answer
            }
        }
        if (documentProblem != null) {
            problems.add(at(DOCUMENT_PATH) + ": " + documentProblem);
        }
        return withProvider(found);
    }

    private static Map<Column, String> withProvider(EnumMap<Column, String> found) {
        if (!found.isEmpty()) {
            found.put(Column.CLOUD_PROVIDER, "aws");
            found.put(Column.CLOUD_PLATFORM, "aws_ec2");
        }
        return found;
    }

    private String at(String path) {
        return "EC2 instance metadata at " + endpoint + path;
    }

    private static String hint() {
        return " (set " + DISABLED_VARIABLE + "=true where there is no instance metadata)";
    }

    private static String withoutTrailingSlash(String url) {
        String result = url;
        while (result.endsWith("/")) {
            result = result.substring(0, result.length() - 1);
        }
        return result;
    }
}
