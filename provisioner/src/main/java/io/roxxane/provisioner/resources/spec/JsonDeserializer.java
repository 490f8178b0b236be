package io.roxxane.provisioner.resources.spec;

import java.util.Map;
import java.util.TreeMap;

/**
 * The stream's JSON deserializer for the record format conversion, as Firehose's API names it
 * ({@code HiveJsonSerDe} or {@code OpenXJsonSerDe}), with the options this stack sets, by their API
 * names (a list option's values comma-separated). No AWS SDK type: athena-tests converts its
 * Parquet files with the deserializer read from here.
 *
 * <p>Schema 1 used the OpenX SerDe with {@code CaseInsensitive} (its default), which lower-cases
 * every key, map keys included. Since schema 2 the stream uses Hive's own JSON SerDe, without
 * options (the table has no timestamp column: {@code ts} is epoch milliseconds as a bigint): it
 * keeps map keys as written, matches column names in any case, and it is the SerDe athena-tests
 * can run (provisioner/README.md, "The stream's JSON deserializer").
 */
public record JsonDeserializer(String serDe, Map<String, String> options) {
    public static final String HIVE = "HiveJsonSerDe";
    public static final String OPENX = "OpenXJsonSerDe";

    public JsonDeserializer {
        if (!serDe.equals(HIVE) && !serDe.equals(OPENX)) {
            throw new IllegalArgumentException("no Firehose deserializer " + serDe);
        }
        options = java.util.Collections.unmodifiableMap(new TreeMap<>(options));
    }

    /** The deserializer the provisioner of {@code schemaVersion} configures. */
    public static JsonDeserializer forSchemaVersion(int schemaVersion) {
        return schemaVersion < 2 ? new JsonDeserializer(OPENX, Map.of("CaseInsensitive", "true")) : new JsonDeserializer(HIVE, Map.of());
    }

    /** As a plan shows it: {@code HiveJsonSerDe}, {@code OpenXJsonSerDe {CaseInsensitive=true}}. */
    @Override
    public String toString() {
        return options.isEmpty() ? serDe : serDe + " " + options;
    }
}
