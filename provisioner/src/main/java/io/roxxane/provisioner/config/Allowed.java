package io.roxxane.provisioner.config;

import java.util.List;
import java.util.regex.Pattern;

/** The values a setting allows: checked by {@link SettingsValidator}, said in its error messages as {@link #describe()}. */
public sealed interface Allowed {
    /** IAM role names. */
    Allowed ROLE_NAME = new Matching("[\\w+=,.@-]{1,64}", "1..64 characters of A-Z, a-z, 0-9 and + = , . @ _ -");
    /** Lambda function names. */
    Allowed FUNCTION_NAME = new Matching("[a-zA-Z0-9_-]{1,64}", "1..64 characters of A-Z, a-z, 0-9, '_' and '-'");
    /** Glue database and table names. */
    Allowed GLUE_NAME = new Matching("[a-z0-9_]{1,255}", "1..255 characters of a-z, 0-9 and '_' (what Athena accepts without quoting)");
    /** S3 key prefixes Firehose writes under. */
    Allowed KEY_PREFIX = new KeyPrefix(200);

    /** Whether {@code value}, as given (integers as text), is allowed. */
    boolean allows(String value);

    /** What error messages say after "expected". */
    String describe();

    /** The integer {@code value} holds (blanks around it ignored), or null. */
    private static Integer integer(String value) {
        try {
            return Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** Integers from {@code min} to {@code max}; read as "min..max unit" followed by {@code reason}. */
    record Range(int min, int max, String unit, String reason) implements Allowed {
        @Override
        public boolean allows(String value) {
            Integer number = integer(value);
            return number != null && min <= number && number <= max;
        }

        @Override
        public String describe() {
            return min + ".." + max + " " + unit + reason;
        }
    }

    /** Only these integers; read as "one of [a, b, ...] unit". */
    record OneOf(List<Integer> values, String unit) implements Allowed {
        public OneOf {
            values = values.stream().sorted().toList();
        }

        @Override
        public boolean allows(String value) {
            return values.contains(integer(value));
        }

        @Override
        public String describe() {
            return "one of " + values + " " + unit;
        }
    }

    /** Text matching {@code pattern} whole. */
    record Matching(Pattern pattern, String description) implements Allowed {
        public Matching(String regex, String description) {
            this(Pattern.compile(regex), description);
        }

        @Override
        public boolean allows(String value) {
            return pattern.matcher(value).matches();
        }

        @Override
        public String describe() {
            return description;
        }
    }

    /** A relative S3 key prefix without leading or trailing '/': path segments, none of them '.' or '..'. */
    record KeyPrefix(int maxLength) implements Allowed {
        private static final Pattern SEGMENTS = Pattern.compile("[A-Za-z0-9_.-]+(/[A-Za-z0-9_.-]+)*");

        @Override
        public boolean allows(String value) {
            String segments = "/" + value + "/";
            return !value.isEmpty() && value.length() <= maxLength && SEGMENTS.matcher(value).matches()
                    && !segments.contains("/./") && !segments.contains("/../");
        }

        @Override
        public String describe() {
            return "1.." + maxLength + " characters: path segments of A-Z, a-z, 0-9, '_', '.', '-' separated by '/'"
                    + " (no '!{', which Firehose reserves for expressions)";
        }
    }
}
