package io.roxxane.provisioner.engine;

import java.util.List;

/** The plan for one resource: what to do and why. */
public record Change(String key, String type, String name, Action action, List<Difference> differences, String reason) {

    public Change {
        differences = List.copyOf(differences);
    }

    /** Kind and name, as progress lines name the resource. */
    public String label() {
        return type + " " + name;
    }

    /** As a plan line: what will happen. */
    public String describe() {
        return describe(action.verb());
    }

    /** As an apply line: what happened. */
    public String describeDone() {
        return describe(action.done());
    }

    private String describe(String verb) {
        StringBuilder text = new StringBuilder(action.symbol()).append(' ').append(label()).append(": ").append(verb);
        if (!differences.isEmpty()) {
            text.append(" (");
            for (int i = 0; i < differences.size(); i++) {
                text.append(i == 0 ? "" : "; ").append(differences.get(i));
            }
            text.append(')');
        }
        if (!reason.isEmpty()) {
            text.append(" - ").append(reason);
        }
        return text.toString();
    }
}
