package io.roxxane.provisioner.engine;

/** One field whose current value is not the desired one. */
public record Difference(String field, Object desired, Object current) {
    @Override
    public String toString() {
        return field + ": " + abbreviate(current) + " -> " + abbreviate(desired);
    }

    private static String abbreviate(Object value) {
        String text = String.valueOf(value);
        return text.length() > 120 ? text.substring(0, 117) + "..." : text;
    }
}
