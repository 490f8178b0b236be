package io.roxxane.athena.glue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.roxxane.athena.glue.GlueTable.GlueColumn;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the one {@code AWS::Glue::Table} of a CloudFormation template (glue-templates'
 * {@code roxxane-catalog.yaml}, which integration-tests hold equal to the provisioner's table) the
 * way CloudFormation would create it: parameters substituted into {@code Fn::Sub} and {@code Ref}.
 */
public final class CatalogTemplate {
    private static final Pattern SUB = Pattern.compile("\\$\\{([A-Za-z0-9:]+)}");

    private final JsonNode template;
    private final Map<String, String> parameters;

    /**
     * @param overrides parameter values to use instead of the template's defaults (e.g. the bucket)
     */
    public CatalogTemplate(Path file, Map<String, String> overrides) {
        try {
            template = new YAMLMapper().readTree(file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        parameters = new LinkedHashMap<>();
        template.path("Parameters").properties().forEach(p -> {
            if (p.getValue().has("Default")) {
                parameters.put(p.getKey(), p.getValue().path("Default").asText());
            }
        });
        parameters.putAll(overrides);
    }

    /** The value a parameter has in this stack. */
    public String parameter(String name) {
        String value = parameters.get(name);
        if (value == null) {
            throw new IllegalArgumentException("parameter " + name + " has no default and no value");
        }
        return value;
    }

    public GlueTable table() {
        JsonNode table = null;
        for (JsonNode resource : template.path("Resources")) {
            if (resource.path("Type").asText().equals("AWS::Glue::Table")) {
                if (table != null) {
                    throw new IllegalStateException("more than one AWS::Glue::Table in the template");
                }
                table = resource;
            }
        }
        if (table == null) {
            throw new IllegalStateException("no AWS::Glue::Table in the template");
        }
        JsonNode input = table.path("Properties").path("TableInput");
        JsonNode storage = input.path("StorageDescriptor");
        JsonNode serde = storage.path("SerdeInfo");
        return new GlueTable(value(input.path("Name")), input.path("TableType").asText(), columns(storage.path("Columns")),
                columns(input.path("PartitionKeys")), value(storage.path("Location")), storage.path("InputFormat").asText(),
                storage.path("OutputFormat").asText(), serde.path("SerializationLibrary").asText(),
                strings(serde.path("Parameters")), strings(input.path("Parameters")));
    }

    private List<GlueColumn> columns(JsonNode columns) {
        List<GlueColumn> result = new ArrayList<>();
        for (JsonNode column : columns) {
            result.add(new GlueColumn(column.path("Name").asText(), column.path("Type").asText(),
                    column.has("Comment") ? column.path("Comment").asText() : null));
        }
        return List.copyOf(result);
    }

    private static Map<String, String> strings(JsonNode map) {
        Map<String, String> result = new LinkedHashMap<>();
        map.properties().forEach(e -> result.put(e.getKey(), e.getValue().asText()));
        return result;
    }

    /** A literal, {@code Ref: Parameter} or {@code Fn::Sub: text with ${Parameter}}. */
    private String value(JsonNode node) {
        if (node.isTextual()) {
            return node.asText();
        }
        if (node.has("Ref")) {
            return parameter(node.path("Ref").asText());
        }
        if (node.has("Fn::Sub") && node.path("Fn::Sub").isTextual()) {
            Matcher m = SUB.matcher(node.path("Fn::Sub").asText());
            StringBuilder out = new StringBuilder();
            while (m.find()) {
                m.appendReplacement(out, Matcher.quoteReplacement(parameter(m.group(1))));
            }
            return m.appendTail(out).toString();
        }
        throw new IllegalArgumentException("cannot resolve " + node);
    }
}
