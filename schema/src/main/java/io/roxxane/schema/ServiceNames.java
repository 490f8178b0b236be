package io.roxxane.schema;

/**
 * Makes any service name safe as one S3 path segment and one Hive partition value:
 * lower-case ASCII letters, digits, {@code -}, {@code _} and single inner dots; never
 * {@code /}, {@code =}, {@code ..}, control characters or a leading dot; at most
 * {@link #MAX_LENGTH} characters; {@link #FALLBACK} when nothing usable is left.
 */
public final class ServiceNames {
    /** Longest sanitised name. S3 keys allow 1,024 bytes; the partition path must leave room. */
    public static final int MAX_LENGTH = 64;

    /** The name used when the input is null, empty or has no usable character. */
    public static final String FALLBACK = "unknown";

    private ServiceNames() {
    }

    /** The sanitised form of {@code name}; the same input always gives the same output. */
    public static String sanitize(String name) {
        if (name == null) {
            return FALLBACK;
        }
        int limit = Math.min(name.length(), 4 * MAX_LENGTH);
        StringBuilder out = new StringBuilder(Math.min(limit, MAX_LENGTH));
        char previous = '-';
        for (int i = 0; i < limit && out.length() < MAX_LENGTH; i++) {
            char c = mapChar(name.charAt(i));
            if ((c == '-' || c == '.') && (previous == '-' || previous == '.')) {
                continue;
            }
            out.append(c);
            previous = c;
        }
        int end = out.length();
        while (end > 0 && (out.charAt(end - 1) == '-' || out.charAt(end - 1) == '.')) {
            end--;
        }
        out.setLength(end);
        return out.length() == 0 ? FALLBACK : out.toString();
    }

    private static char mapChar(char c) {
        if (c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '_' || c == '.') {
            return c;
        }
        if (c >= 'A' && c <= 'Z') {
            return (char) (c + ('a' - 'A'));
        }
        return '-';
    }
}
