package io.roxxane.it.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code glue-templates/templates/roxxane-catalog.yaml} read as CloudFormation would read it for
 * given parameter values: its {@code AWS::Glue::Table}'s TableInput with {@code Ref} and
 * {@code Fn::Sub} of parameters resolved.
 *
 * <p>The template uses only long-form intrinsics (glue-templates' CatalogTemplateTest enforces
 * it), so a plain YAML parser reads it. Short forms ({@code !Ref}, {@code !Sub}) would lose their
 * meaning in a plain parser (Jackson drops the tag and keeps the scalar), so a template that uses
 * them fails here with that reason rather than being misread.
 */
final class CatalogTemplate {
    private static final Pattern SHORT_FORM = Pattern.compile("(?m)^[^#]*\\s!(Ref|Sub|GetAtt|If|Equals|Not|Join|Select|Split|FindInMap|ImportValue|Base64|Cidr|GetAZs|And|Or|Condition)\\b");
    private static final Pattern SUB_VARIABLE = Pattern.compile("\\$\\{([A-Za-z0-9:._]+)}");

    final Path path;
    final JsonNode root;

    private CatalogTemplate(Path path, JsonNode root) {
        this.path = path;
        this.root = root;
    }

    static CatalogTemplate read() {
        Path repo = Path.of(System.getProperty("it.repo.dir", ".."));
        Path path = repo.resolve("glue-templates/templates/roxxane-catalog.yaml");
        assertTrue(Files.isRegularFile(path), "catalog template not found at " + path.toAbsolutePath());
        try {
            String text = Files.readString(path, StandardCharsets.UTF_8);
            Matcher shortForm = SHORT_FORM.matcher(text);
            assertTrue(!shortForm.find(), path + " uses the short form !" + (shortForm.find(0) ? shortForm.group(1) : "")
                    + "; the templates use long-form intrinsics only (Ref:, Fn::Sub:)");
            return new CatalogTemplate(path, new YAMLMapper().readTree(text));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A parameter's default, or null. */
    String parameterDefault(String name) {
        JsonNode value = root.path("Parameters").path(name).path("Default");
        return value.isMissingNode() ? null : value.asText();
    }

    /** Fails unless the value is allowed by the parameter's AllowedPattern. */
    void assertAllowed(String name, String value) {
        JsonNode parameter = root.path("Parameters").path(name);
        assertTrue(!parameter.isMissingNode(), "no parameter " + name + " in " + path);
        String pattern = parameter.path("AllowedPattern").asText(null);
        if (pattern != null) {
            assertTrue(Pattern.compile(pattern).matcher(value).matches(),
                    name + "='" + value + "' is not allowed by the template's AllowedPattern " + pattern);
        }
    }

    /** The one resource of the type. */
    JsonNode onlyResource(String type) {
        List<JsonNode> found = new ArrayList<>();
        root.path("Resources").forEach(r -> {
            if (type.equals(r.path("Type").asText())) {
                found.add(r);
            }
        });
        assertEquals(1, found.size(), "expected one " + type + " in " + path);
        return found.get(0);
    }

    /** The table as CloudFormation would create it with these parameter values (defaults filled in). */
    TableShape table(Map<String, String> parameterValues) {
        Map<String, String> parameters = new TreeMap<>();
        root.path("Parameters").fields().forEachRemaining(p -> {
            if (p.getValue().has("Default")) {
                parameters.put(p.getKey(), p.getValue().path("Default").asText());
            }
        });
        parameters.putAll(parameterValues);
        parameters.forEach(this::assertAllowed);

        JsonNode input = onlyResource("AWS::Glue::Table").path("Properties").path("TableInput");
        JsonNode storage = input.path("StorageDescriptor");
        List<String> columns = new ArrayList<>();
        storage.path("Columns").forEach(c -> columns.add(column(c, parameters)));
        List<String> keys = new ArrayList<>();
        input.path("PartitionKeys").forEach(c -> keys.add(column(c, parameters)));
        return new TableShape(text(input.path("TableType"), parameters), text(storage.path("Location"), parameters), columns, keys,
                text(storage.path("InputFormat"), parameters), text(storage.path("OutputFormat"), parameters),
                text(storage.path("SerdeInfo").path("SerializationLibrary"), parameters),
                map(storage.path("SerdeInfo").path("Parameters"), parameters), map(input.path("Parameters"), parameters));
    }

    /** The table's name and its database's name, resolved. */
    String tableName(Map<String, String> parameters) {
        return text(onlyResource("AWS::Glue::Table").path("Properties").path("TableInput").path("Name"), withDefaults(parameters));
    }

    String databaseName(Map<String, String> parameters) {
        JsonNode database = onlyResource("AWS::Glue::Database").path("Properties").path("DatabaseInput").path("Name");
        return text(database, withDefaults(parameters));
    }

    private Map<String, String> withDefaults(Map<String, String> values) {
        Map<String, String> all = new TreeMap<>();
        root.path("Parameters").fields().forEachRemaining(p -> {
            if (p.getValue().has("Default")) {
                all.put(p.getKey(), p.getValue().path("Default").asText());
            }
        });
        all.putAll(values);
        return all;
    }

    private static String column(JsonNode column, Map<String, String> parameters) {
        return TableShape.column(text(column.path("Name"), parameters), text(column.path("Type"), parameters),
                column.has("Comment") ? text(column.path("Comment"), parameters) : null);
    }

    private static Map<String, String> map(JsonNode object, Map<String, String> parameters) {
        Map<String, String> result = new TreeMap<>();
        object.fields().forEachRemaining(e -> result.put(e.getKey(), text(e.getValue(), parameters)));
        return result;
    }

    /** A scalar, {@code Ref: Parameter} or {@code Fn::Sub: "...${Parameter}..."}; anything else fails. */
    private static String text(JsonNode node, Map<String, String> parameters) {
        if (node.isMissingNode() || node.isNull()) {
            return null;
        }
        if (node.isValueNode()) {
            return node.asText();
        }
        if (node.has("Ref")) {
            String name = node.path("Ref").asText();
            assertTrue(parameters.containsKey(name), "Ref to " + name + ", which is no parameter with a value");
            return parameters.get(name);
        }
        if (node.has("Fn::Sub") && node.path("Fn::Sub").isTextual()) {
            Matcher variable = SUB_VARIABLE.matcher(node.path("Fn::Sub").asText());
            StringBuilder result = new StringBuilder();
            while (variable.find()) {
                String name = variable.group(1);
                assertTrue(parameters.containsKey(name), "Fn::Sub variable " + name + " is no parameter with a value");
                variable.appendReplacement(result, Matcher.quoteReplacement(parameters.get(name)));
            }
            variable.appendTail(result);
            return result.toString();
        }
        throw new AssertionError("cannot resolve " + node + " in the table definition");
    }
}
