package io.roxxane.it.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.roxxane.provisioner.resources.spec.GlueTableSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import software.amazon.awssdk.services.glue.model.Table;

/**
 * What a Glue table is made of, the same way from three sources: the catalog template, the
 * provisioner's desired spec, and a table read back with GetTable. Comments that are absent
 * and comments that are empty are both {@code null}.
 */
record TableShape(String tableType, String location, List<String> columns, List<String> partitionKeys,
                  String inputFormat, String outputFormat, String serializationLibrary,
                  Map<String, String> serdeParameters, Map<String, String> parameters) {

    /** One column as {@code name type [comment]}. */
    static String column(String name, String type, String comment) {
        return name + " " + type + (comment == null || comment.isEmpty() ? "" : " [" + comment + "]");
    }

    static TableShape of(GlueTableSpec spec) {
        List<String> columns = new ArrayList<>();
        spec.columns().forEach(c -> columns.add(column(c.name(), c.type(), c.comment())));
        List<String> keys = new ArrayList<>();
        spec.partitionKeys().forEach(c -> keys.add(column(c.name(), c.type(), c.comment())));
        return new TableShape(spec.tableType(), spec.location(), columns, keys, spec.inputFormat(), spec.outputFormat(),
                spec.serializationLibrary(), new TreeMap<>(spec.serdeParameters()), new TreeMap<>(spec.parameters()));
    }

    static TableShape of(Table table) {
        var storage = table.storageDescriptor();
        List<String> columns = new ArrayList<>();
        storage.columns().forEach(c -> columns.add(column(c.name(), c.type(), c.comment())));
        List<String> keys = new ArrayList<>();
        table.partitionKeys().forEach(c -> keys.add(column(c.name(), c.type(), c.comment())));
        return new TableShape(table.tableType(), storage.location(), columns, keys, storage.inputFormat(),
                storage.outputFormat(), storage.serdeInfo().serializationLibrary(),
                new TreeMap<>(storage.serdeInfo().parameters()), new TreeMap<>(table.parameters()));
    }

    /** The same shape without the named table parameters. */
    TableShape withoutParameters(String... keys) {
        Map<String, String> kept = new TreeMap<>(parameters);
        for (String key : keys) {
            kept.remove(key);
        }
        return new TableShape(tableType, location, columns, partitionKeys, inputFormat, outputFormat, serializationLibrary,
                serdeParameters, kept);
    }

    /** Field by field, so that a failure names what differs; {@code expected} is the provisioner's side. */
    static void assertSame(TableShape expected, TableShape template, String expectedName) {
        String from = "the catalog template differs from " + expectedName + " in ";
        assertEquals(expected.tableType(), template.tableType(), from + "TableType");
        assertEquals(expected.location(), template.location(), from + "StorageDescriptor.Location");
        assertEquals(String.join("\n", expected.columns()), String.join("\n", template.columns()),
                from + "columns (name type [comment])");
        assertEquals(expected.partitionKeys(), template.partitionKeys(), from + "PartitionKeys (name type [comment])");
        assertEquals(expected.inputFormat(), template.inputFormat(), from + "InputFormat");
        assertEquals(expected.outputFormat(), template.outputFormat(), from + "OutputFormat");
        assertEquals(expected.serializationLibrary(), template.serializationLibrary(), from + "SerdeInfo.SerializationLibrary");
        assertEquals(expected.serdeParameters(), template.serdeParameters(), from + "SerdeInfo.Parameters");
        assertEquals(expected.parameters(), template.parameters(), from + "table Parameters");
        assertEquals(expected, template, from + "something");
    }
}
