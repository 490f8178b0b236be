package io.roxxane.glue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/** Where the templates and queries live, and the templates read as CloudFormation reads them. */
final class Templates {
    static final String CATALOG = "roxxane-catalog.yaml";
    static final String ATHENA = "roxxane-athena.yaml";

    private static final YAMLMapper YAML = new YAMLMapper();

    private Templates() {
    }

    static Path dir() {
        return Path.of(System.getProperty("roxxane.templates.dir", "templates"));
    }

    static Path queriesDir() {
        return Path.of(System.getProperty("roxxane.queries.dir", "../docs/queries"));
    }

    static Path path(String name) {
        return dir().resolve(name);
    }

    /** Every {@code .yaml} file of the templates folder, sorted. */
    static List<Path> all() {
        try (Stream<Path> files = Files.list(dir())) {
            return files.filter(p -> p.getFileName().toString().endsWith(".yaml")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static JsonNode read(String name) {
        try {
            return YAML.readTree(path(name).toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The resources of a template of the given type, by logical id, in template order. */
    static Map<String, JsonNode> resourcesOfType(JsonNode template, String type) {
        Map<String, JsonNode> result = new LinkedHashMap<>();
        List<Map.Entry<String, JsonNode>> entries = new ArrayList<>();
        template.path("Resources").fields().forEachRemaining(entries::add);
        for (Map.Entry<String, JsonNode> entry : entries) {
            if (type.equals(entry.getValue().path("Type").asText())) {
                result.put(entry.getKey(), entry.getValue());
            }
        }
        return result;
    }

    /** The one resource of the given type; fails when there is none or several. */
    static JsonNode onlyResource(JsonNode template, String type) {
        Map<String, JsonNode> found = resourcesOfType(template, type);
        if (found.size() != 1) {
            throw new AssertionError("expected exactly one " + type + ", found " + found.keySet());
        }
        return found.values().iterator().next();
    }
}
