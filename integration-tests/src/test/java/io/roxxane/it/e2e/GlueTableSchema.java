package io.roxxane.it.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.glue.GlueClient;
import software.amazon.awssdk.services.glue.model.Column;
import software.amazon.awssdk.services.glue.model.Table;

/**
 * The Glue table as the emulator holds it (GetTable), and the check Firehose's JSON to Parquet
 * conversion implies: a JSON key that is a data column must carry a value of the column's type.
 *
 * @param columns       data columns, name to Glue type, in table order
 * @param partitionKeys partition key names, in order
 * @param location      the table's storage location
 */
record GlueTableSchema(Map<String, String> columns, List<String> partitionKeys, String location) {

    static GlueTableSchema read(GlueClient glue, String database, String table) {
        Table found = glue.getTable(r -> r.databaseName(database).name(table)).table();
        Map<String, String> columns = new LinkedHashMap<>();
        for (Column column : found.storageDescriptor().columns()) {
            columns.put(column.name(), column.type());
        }
        List<String> keys = found.partitionKeys().stream().map(Column::name).toList();
        return new GlueTableSchema(columns, keys, found.storageDescriptor().location());
    }

    /**
     * What in one sample the conversion could not write as the table says, one line per problem;
     * empty when the sample conforms. {@code null} fits every column (columns are nullable).
     */
    List<String> problems(JsonNode sample) {
        List<String> problems = new ArrayList<>();
        if (!sample.isObject()) {
            problems.add("not a JSON object: " + sample);
            return problems;
        }
        for (Iterator<Map.Entry<String, JsonNode>> fields = sample.fields(); fields.hasNext(); ) {
            Map.Entry<String, JsonNode> field = fields.next();
            String type = columns.get(field.getKey());
            if (type != null && !field.getValue().isNull() && !fits(type, field.getValue())) {
                problems.add(field.getKey() + "=" + field.getValue() + " is not a " + type);
            }
        }
        return problems;
    }

    /** Whether a value (not null) fits a Glue type, nested maps and structs read from the type's text. */
    static boolean fits(String glueType, JsonNode value) {
        if (glueType.startsWith("map<string,") && glueType.endsWith(">")) {
            String valueType = glueType.substring("map<string,".length(), glueType.length() - 1);
            if (!value.isObject()) {
                return false;
            }
            for (JsonNode member : value) {
                if (member.isNull() || !fits(valueType, member)) {
                    return false;
                }
            }
            return true;
        }
        if (glueType.startsWith("struct<") && glueType.endsWith(">")) {
            Map<String, String> fields = structFields(glueType.substring("struct<".length(), glueType.length() - 1));
            if (!value.isObject()) {
                return false;
            }
            for (Iterator<Map.Entry<String, JsonNode>> it = value.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> field = it.next();
                String type = fields.get(field.getKey());
                if (type == null || !field.getValue().isNull() && !fits(type, field.getValue())) {
                    return false;
                }
            }
            return true;
        }
        return switch (glueType) {
            case "bigint" -> value.isIntegralNumber() && value.canConvertToLong();
            case "int" -> value.isIntegralNumber() && value.canConvertToInt();
            case "double" -> value.isNumber();
            case "string" -> value.isTextual();
            case "boolean" -> value.isBoolean();
            default -> throw new AssertionError("the check does not know Glue type " + glueType);
        };
    }

    /** {@code a:bigint,b:map<string,string>} as field name to type, split at the commas outside brackets. */
    private static Map<String, String> structFields(String body) {
        Map<String, String> fields = new LinkedHashMap<>();
        int depth = 0;
        int start = 0;
        for (int i = 0; i <= body.length(); i++) {
            char c = i < body.length() ? body.charAt(i) : ',';
            if (c == '<') {
                depth++;
            } else if (c == '>') {
                depth--;
            } else if (c == ',' && depth == 0) {
                String field = body.substring(start, i);
                int colon = field.indexOf(':');
                fields.put(field.substring(0, colon), field.substring(colon + 1));
                start = i + 1;
            }
        }
        return fields;
    }
}
