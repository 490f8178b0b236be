package io.roxxane.athena.firehose;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Evaluates a Firehose S3 prefix: {@code !{partitionKeyFromLambda:KEY}}, {@code !{timestamp:FORMAT}}
 * (Java {@code DateTimeFormatter}, UTC, of the oldest record's arrival) and
 * {@code !{firehose:error-output-type}}. Any other expression, or a key the Lambda did not return,
 * is an error, as Firehose rejects such a configuration or fails the record.
 */
final class S3Prefix {
    private static final Pattern EXPRESSION = Pattern.compile("!\\{([a-zA-Z]+):([^}]*)}");

    private S3Prefix() {
    }

    static String evaluate(String prefix, Map<String, String> partitionKeys, long arrivalMillis, String errorOutputType) {
        Matcher m = EXPRESSION.matcher(prefix);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String value = switch (m.group(1)) {
                case "partitionKeyFromLambda" -> {
                    String key = partitionKeys.get(m.group(2));
                    if (key == null) {
                        throw new IllegalArgumentException("the Lambda returned no partition key '" + m.group(2) + "'");
                    }
                    yield key;
                }
                case "timestamp" -> DateTimeFormatter.ofPattern(m.group(2)).withZone(ZoneOffset.UTC)
                        .format(Instant.ofEpochMilli(arrivalMillis));
                case "firehose" -> {
                    if (!m.group(2).equals("error-output-type") || errorOutputType == null) {
                        throw new IllegalArgumentException("unsupported expression " + m.group());
                    }
                    yield errorOutputType;
                }
                default -> throw new IllegalArgumentException("unsupported expression " + m.group());
            };
            m.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        m.appendTail(out);
        if (out.indexOf("!{") >= 0) {
            throw new IllegalArgumentException("unevaluated expression in " + prefix);
        }
        return out.toString();
    }
}
