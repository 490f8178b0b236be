package io.roxxane.it.e2e;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Evaluates a Firehose S3 prefix: {@code !{partitionKeyFromLambda:KEY}} from the keys the
 * transform returned, {@code !{timestamp:PATTERN}} from the record's arrival time in UTC,
 * {@code !{firehose:error-output-type}}. Anything else fails loudly: the test must not
 * pretend to understand an expression it does not.
 */
final class PrefixExpression {
    private static final Pattern EXPRESSION = Pattern.compile("!\\{([A-Za-z]+):([^}]*)}");

    private PrefixExpression() {
    }

    /**
     * @param partitionKeys   the transform's {@code metadata.partitionKeys}, or empty
     * @param arrival         the record's approximate arrival time
     * @param errorOutputType {@code processing-failed} etc. for the error prefix, else null
     */
    static String evaluate(String prefix, Map<String, String> partitionKeys, Instant arrival, String errorOutputType) {
        Matcher matcher = EXPRESSION.matcher(prefix);
        StringBuilder out = new StringBuilder();
        while (matcher.find()) {
            String namespace = matcher.group(1);
            String argument = matcher.group(2);
            String value = switch (namespace) {
                case "partitionKeyFromLambda" -> {
                    String key = partitionKeys.get(argument);
                    if (key == null) {
                        throw new AssertionError("prefix needs partition key '" + argument + "'; the transform returned " + partitionKeys);
                    }
                    yield key;
                }
                case "timestamp" -> DateTimeFormatter.ofPattern(argument).withZone(ZoneOffset.UTC).format(arrival);
                case "firehose" -> {
                    if (!argument.equals("error-output-type") || errorOutputType == null) {
                        throw new AssertionError("!{firehose:" + argument + "} cannot be evaluated here (in " + prefix + ")");
                    }
                    yield errorOutputType;
                }
                default -> throw new AssertionError("unknown prefix expression namespace '" + namespace + "' in " + prefix);
            };
            matcher.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        matcher.appendTail(out);
        if (out.indexOf("!{") >= 0) {
            throw new AssertionError("unevaluated expression left in " + out + " (from " + prefix + ")");
        }
        return out.toString();
    }
}
