package io.roxxane.agent.collect.jvm;

import io.roxxane.agent.sample.Struct;

/** For the collectors that keep their structs from sample to sample. */
final class Structs {
    private Structs() {
    }

    /**
     * Sets a field unless it holds the value already: most figures stand still between samples,
     * and a set looks the field up by name and boxes the value.
     */
    static void update(Struct struct, int index, String field, long value) {
        Object old = struct.get(index);
        if (!(old instanceof Long) || (Long) old != value) {
            struct.set(field, value);
        }
    }
}
