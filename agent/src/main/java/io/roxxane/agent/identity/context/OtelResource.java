package io.roxxane.agent.identity.context;

import io.roxxane.schema.Column;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What the OpenTelemetry variables say: {@code OTEL_SERVICE_NAME} and
 * {@code OTEL_RESOURCE_ATTRIBUTES}. The latter is {@code key1=value1,key2=value2} in the W3C
 * Baggage format without properties; keys and values are percent-decoded (a {@code ,} or
 * {@code =} in them must be encoded; {@code +} is a plain character); invalid UTF-8 after
 * decoding becomes U+FFFD, as W3C Baggage says. Any other error discards the whole variable, as
 * the OpenTelemetry resource SDK specification says, with one problem reported.
 *
 * <p>A key that names a context column (the semantic convention of {@code k8s.pod.name},
 * {@code cloud.region}, …) fills that column; {@code service.name} is a service name; every other
 * key goes into {@code resource_attributes} as given.
 */
final class OtelResource {
    static final String ATTRIBUTES_VARIABLE = "OTEL_RESOURCE_ATTRIBUTES";
    static final String SERVICE_NAME_VARIABLE = "OTEL_SERVICE_NAME";
    static final String SERVICE_NAME_KEY = "service.name";
    /** Bounds on what a sample carries from the variable. */
    static final int MAX_ATTRIBUTES = 128;
    static final int MAX_KEY_CHARS = 256;
    static final int MAX_VALUE_CHARS = 4_096;
    /** The same bound as the {@code service} setting's. */
    static final int MAX_SERVICE_CHARS = 256;

    /** The OpenTelemetry semantic-convention key of each context column. */
    static final Map<String, Column> COLUMN_BY_KEY;

    static {
        Map<String, Column> keys = new LinkedHashMap<String, Column>();
        keys.put("cloud.provider", Column.CLOUD_PROVIDER);
        keys.put("cloud.platform", Column.CLOUD_PLATFORM);
        keys.put("cloud.region", Column.CLOUD_REGION);
        keys.put("cloud.availability_zone", Column.CLOUD_AVAILABILITY_ZONE);
        keys.put("cloud.account.id", Column.CLOUD_ACCOUNT_ID);
        keys.put("host.id", Column.HOST_ID);
        keys.put("host.type", Column.HOST_TYPE);
        keys.put("host.image.id", Column.HOST_IMAGE_ID);
        keys.put("aws.ecs.cluster.arn", Column.AWS_ECS_CLUSTER_ARN);
        keys.put("aws.ecs.task.arn", Column.AWS_ECS_TASK_ARN);
        keys.put("aws.ecs.task.family", Column.AWS_ECS_TASK_FAMILY);
        keys.put("aws.ecs.task.revision", Column.AWS_ECS_TASK_REVISION);
        keys.put("aws.ecs.launchtype", Column.AWS_ECS_LAUNCHTYPE);
        keys.put("container.name", Column.CONTAINER_NAME);
        keys.put("k8s.namespace.name", Column.K8S_NAMESPACE_NAME);
        keys.put("k8s.pod.name", Column.K8S_POD_NAME);
        keys.put("k8s.node.name", Column.K8S_NODE_NAME);
        keys.put("k8s.container.name", Column.K8S_CONTAINER_NAME);
        COLUMN_BY_KEY = Collections.unmodifiableMap(keys);
    }

    /** {@code OTEL_SERVICE_NAME}, else {@code service.name} of the attributes; null when neither. */
    final String serviceName;
    /** The columns the attributes name. */
    final EnumMap<Column, String> columns;
    /** Every other attribute, in the variable's order. */
    final Map<String, String> others;

    private OtelResource(String serviceName, EnumMap<Column, String> columns, Map<String, String> others) {
        this.serviceName = serviceName;
        this.columns = columns;
        this.others = others;
    }

    static OtelResource fromEnvironment(ContextEnvironment env, Problems problems) {
        Map<String, String> attributes = new LinkedHashMap<String, String>();
        String text = env.rawVariable(ATTRIBUTES_VARIABLE);
        if (text != null && !text.trim().isEmpty()) {
            try {
                attributes = parse(text);
            } catch (IllegalArgumentException e) {
                problems.add(ATTRIBUTES_VARIABLE + " ignored: " + e.getMessage());
            }
        }
        EnumMap<Column, String> columns = new EnumMap<Column, String>(Column.class);
        Map<String, String> others = new LinkedHashMap<String, String>();
        for (Map.Entry<String, String> attribute : attributes.entrySet()) {
            Column column = COLUMN_BY_KEY.get(attribute.getKey());
            if (column != null) {
                if (!attribute.getValue().isEmpty()) {
                    columns.put(column, attribute.getValue());
                }
            } else if (!attribute.getKey().equals(SERVICE_NAME_KEY)) {
                others.put(attribute.getKey(), attribute.getValue());
            }
        }
        String service = env.variable(SERVICE_NAME_VARIABLE);
        String source = SERVICE_NAME_VARIABLE;
        if (service == null) {
            String fromAttributes = attributes.get(SERVICE_NAME_KEY);
            service = fromAttributes == null || fromAttributes.trim().isEmpty() ? null : fromAttributes.trim();
            source = SERVICE_NAME_KEY + " in " + ATTRIBUTES_VARIABLE;
        }
        if (service != null && service.length() > MAX_SERVICE_CHARS) {
            problems.add(source + " ignored: longer than " + MAX_SERVICE_CHARS + " characters");
            service = null;
        }
        return new OtelResource(service, columns, others);
    }

    /**
     * The attributes of {@code OTEL_RESOURCE_ATTRIBUTES}, keys and values percent-decoded and
     * trimmed, in order (a repeated key keeps its last value).
     *
     * @throws IllegalArgumentException naming what is wrong (never echoing a value)
     */
    static Map<String, String> parse(String text) {
        Map<String, String> attributes = new LinkedHashMap<String, String>();
        int position = 0;
        for (String member : text.split(",", -1)) {
            position++;
            if (member.trim().isEmpty()) {
                continue; // "a=1,,b=2" and a trailing comma are tolerated
            }
            int eq = member.indexOf('=');
            if (eq < 0) {
                throw new IllegalArgumentException("member " + position + " has no '=' (expected key1=value1,key2=value2)");
            }
            String key = percentDecode(member.substring(0, eq).trim(), "the key of member " + position);
            if (key.isEmpty()) {
                throw new IllegalArgumentException("member " + position + " has an empty key");
            }
            if (key.length() > MAX_KEY_CHARS) {
                throw new IllegalArgumentException("the key of member " + position + " is longer than "
                        + MAX_KEY_CHARS + " characters");
            }
            String value = percentDecode(member.substring(eq + 1).trim(), "the value of '" + printable(key) + "'");
            if (value.length() > MAX_VALUE_CHARS) {
                throw new IllegalArgumentException("the value of '" + printable(key) + "' is longer than "
                        + MAX_VALUE_CHARS + " characters");
            }
            attributes.remove(key);
            attributes.put(key, value);
            if (attributes.size() > MAX_ATTRIBUTES) {
                throw new IllegalArgumentException("more than " + MAX_ATTRIBUTES + " attributes");
            }
        }
        return attributes;
    }

    /**
     * Percent-decodes {@code text} (RFC 3986: {@code %} and two hex digits is one octet; runs of
     * octets are UTF-8, invalid sequences become U+FFFD). Every other character, {@code +}
     * included, stands for itself.
     *
     * @throws IllegalArgumentException when a {@code %} is not followed by two hex digits
     */
    static String percentDecode(String text, String what) {
        if (text.indexOf('%') < 0) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length());
        ByteArrayOutputStream octets = new ByteArrayOutputStream();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '%') {
                int high = i + 1 < text.length() ? Character.digit(text.charAt(i + 1), 16) : -1;
                int low = i + 2 < text.length() ? Character.digit(text.charAt(i + 2), 16) : -1;
                if (high < 0 || low < 0) {
                    throw new IllegalArgumentException(what + " has a '%' that is not followed by two hex digits");
                }
                octets.write(high * 16 + low);
                i += 2;
            } else {
                flush(octets, out);
                out.append(c);
            }
        }
        flush(octets, out);
        return out.toString();
    }

    private static void flush(ByteArrayOutputStream octets, StringBuilder out) {
        if (octets.size() > 0) {
            out.append(new String(octets.toByteArray(), StandardCharsets.UTF_8));
            octets.reset();
        }
    }

    private static String printable(String text) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < text.length() && i < 64; i++) {
            char c = text.charAt(i);
            out.append(c < 0x20 || c == 0x7f ? '?' : c);
        }
        return text.length() > 64 ? out + "…" : out.toString();
    }
}
