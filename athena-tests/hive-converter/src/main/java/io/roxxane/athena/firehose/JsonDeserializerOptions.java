package io.roxxane.athena.firehose;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The stream's deserializer as Hive runs it. Firehose's {@code HiveJsonSerDe} is HCatalog's
 * {@code JsonSerDe}; its one option, {@code TimestampFormats}, is that SerDe's
 * {@code timestamp.formats} property (Joda patterns or {@code millis}, comma-separated). The OpenX
 * SerDe is not a Hive class and is not on Maven Central: a stream configured with it, or with an
 * option this mapping does not know, is refused rather than converted some other way.
 */
final class JsonDeserializerOptions {
    static final String HIVE_JSON_SERDE = "HiveJsonSerDe";

    private JsonDeserializerOptions() {
    }

    /** @throws IllegalArgumentException for another deserializer or an option HiveJsonSerDe does not have */
    static Map<String, String> serdeProperties(String deserializer, Map<String, String> options) {
        if (!HIVE_JSON_SERDE.equals(deserializer)) {
            throw new IllegalArgumentException("only Firehose's HiveJsonSerDe (HCatalog's JsonSerDe) runs here, not "
                    + deserializer + " (see athena-tests/README.md)");
        }
        Map<String, String> properties = new LinkedHashMap<>();
        options.forEach((name, value) -> {
            if (!name.equals("TimestampFormats")) {
                throw new IllegalArgumentException("HiveJsonSerDe has no option " + name + " (Firehose's API: TimestampFormats)");
            }
            properties.put("timestamp.formats", value);
        });
        return properties;
    }
}
