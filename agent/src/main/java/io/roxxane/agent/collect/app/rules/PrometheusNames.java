package io.roxxane.agent.collect.app.rules;

/**
 * The name rewriting jmx_exporter 1.0.1 applies: {@code safeName} and {@code toSnakeAndLowerCase}
 * (JmxCollector), and {@code PrometheusNaming.sanitizeMetricName} of client_java 1.3 (reserved
 * suffixes stripped), which it applies to every name before exposing it.
 */
final class PrometheusNames {
    private static final String[] RESERVED_SUFFIXES = {
        "_total", "_created", "_bucket", "_info", ".total", ".created", ".bucket", ".info"
    };

    private PrometheusNames() {
    }

    /** Invalid characters to underscores, runs of underscores merged, a leading digit prefixed by one. */
    static String safeName(String name) {
        if (name == null) {
            return null;
        }
        boolean previousUnderscore = false;
        StringBuilder out = new StringBuilder(name.length());
        if (!name.isEmpty() && Character.isDigit(name.charAt(0))) {
            out.append('_');
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            boolean legal = c == ':' || c == '_' || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')
                    || (c >= '0' && c <= '9');
            if (!legal || c == '_') {
                if (!previousUnderscore) {
                    out.append('_');
                    previousUnderscore = true;
                }
            } else {
                out.append(c);
                previousUnderscore = false;
            }
        }
        return out.toString();
    }

    /** {@code attrNameSnakeCase}: {@code HeapMemoryUsage} to {@code heap_memory_usage}. */
    static String toSnakeAndLowerCase(String attrName) {
        if (attrName == null || attrName.isEmpty()) {
            return attrName;
        }
        char first = attrName.charAt(0);
        boolean previousUpperOrUnderscore = Character.isUpperCase(first) || first == '_';
        StringBuilder out = new StringBuilder(attrName.length()).append(Character.toLowerCase(first));
        for (int i = 1; i < attrName.length(); i++) {
            char c = attrName.charAt(i);
            boolean upper = Character.isUpperCase(c);
            if (!previousUpperOrUnderscore && upper) {
                out.append('_');
            }
            out.append(Character.toLowerCase(c));
            previousUpperOrUnderscore = upper || c == '_';
        }
        return out.toString();
    }

    /** The name as exposed: illegal characters to underscores, then reserved suffixes stripped. */
    static String sanitizeMetricName(String name) {
        char[] chars = name.toCharArray();
        for (int i = 0; i < chars.length; i++) {
            char c = chars[i];
            boolean legal = c == ':' || c == '.' || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')
                    || (i > 0 && c >= '0' && c <= '9');
            if (!legal) {
                chars[i] = '_';
            }
        }
        String sanitized = new String(chars);
        boolean modified = true;
        while (modified) {
            modified = false;
            for (String suffix : RESERVED_SUFFIXES) {
                if (sanitized.equals(suffix)) {
                    return suffix.substring(1);
                }
                if (sanitized.endsWith(suffix)) {
                    sanitized = sanitized.substring(0, sanitized.length() - suffix.length());
                    modified = true;
                }
            }
        }
        return sanitized;
    }
}
