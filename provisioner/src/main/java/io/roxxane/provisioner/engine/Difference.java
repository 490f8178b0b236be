package io.roxxane.provisioner.engine;

import java.util.ArrayList;
import java.util.List;

/**
 * One field whose current value is not the desired one, as {@code current -> desired}; a list too
 * long for that (the table's columns) as what is added and what is removed.
 */
public record Difference(String field, Object desired, Object current) {
    private static final int SHOWN = 120;
    private static final int ELEMENTS_SHOWN = 4;
    private static final int ELEMENT_SHOWN = 48;

    @Override
    public String toString() {
        if (desired instanceof List<?> wanted && current instanceof List<?> actual
                && String.valueOf(desired).length() + String.valueOf(current).length() > SHOWN) {
            return field + ": " + listChange(wanted, actual);
        }
        return field + ": " + abbreviate(current) + " -> " + abbreviate(desired);
    }

    private static String listChange(List<?> desired, List<?> current) {
        List<Object> added = new ArrayList<>(desired);
        added.removeAll(current);
        List<Object> removed = new ArrayList<>(current);
        removed.removeAll(desired);
        if (added.isEmpty() && removed.isEmpty()) {
            return "same " + desired.size() + " elements, reordered: " + abbreviate(current) + " -> " + abbreviate(desired);
        }
        List<String> parts = new ArrayList<>();
        if (!added.isEmpty()) {
            parts.add(added.size() + " added " + elements(added));
        }
        if (!removed.isEmpty()) {
            parts.add(removed.size() + " removed " + elements(removed));
        }
        return String.join(", ", parts) + " (" + current.size() + " -> " + desired.size() + ")";
    }

    /** The first few elements, each cut short. */
    private static String elements(List<Object> elements) {
        List<String> shown = new ArrayList<>();
        for (Object element : elements.subList(0, Math.min(ELEMENTS_SHOWN, elements.size()))) {
            String text = String.valueOf(element);
            shown.add(text.length() > ELEMENT_SHOWN ? text.substring(0, ELEMENT_SHOWN - 3) + "..." : text);
        }
        int more = elements.size() - shown.size();
        return "[" + String.join(", ", shown) + (more > 0 ? ", and " + more + " more]" : "]");
    }

    private static String abbreviate(Object value) {
        String text = String.valueOf(value);
        return text.length() > SHOWN ? text.substring(0, SHOWN - 3) + "..." : text;
    }
}
