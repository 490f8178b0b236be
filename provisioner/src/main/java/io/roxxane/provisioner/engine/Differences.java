package io.roxxane.provisioner.engine;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** Compares two spec records of the same type, component by component. */
public final class Differences {
    private Differences() {
    }

    public static <S extends Record> List<Difference> between(S desired, S current) {
        if (desired.getClass() != current.getClass()) {
            throw new IllegalArgumentException("cannot compare " + desired.getClass() + " with " + current.getClass());
        }
        List<Difference> differences = new ArrayList<>();
        for (RecordComponent component : desired.getClass().getRecordComponents()) {
            Object wanted = value(component, desired);
            Object actual = value(component, current);
            if (!Objects.equals(wanted, actual)) {
                differences.add(new Difference(component.getName(), wanted, actual));
            }
        }
        return differences;
    }

    private static Object value(RecordComponent component, Record record) {
        try {
            return component.getAccessor().invoke(record);
        } catch (IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException("cannot read " + component.getName() + " of " + record.getClass(), e);
        }
    }
}
