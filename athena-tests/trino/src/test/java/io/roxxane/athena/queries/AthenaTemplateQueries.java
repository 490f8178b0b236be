package io.roxxane.athena.queries;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
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
 * The named queries of glue-templates' {@code roxxane-athena.yaml} (generated from docs/queries,
 * and held byte-identical to them by glue-templates' AthenaTemplateTest), with the template's
 * parameters substituted as CloudFormation's {@code Fn::Sub} does.
 */
public final class AthenaTemplateQueries {
    private static final Pattern SUB = Pattern.compile("\\$\\{([^}]+)}");

    private AthenaTemplateQueries() {
    }

    public static List<NamedQuery> read(Path template) {
        JsonNode root;
        try {
            root = new YAMLMapper().readTree(template.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, String> parameters = new LinkedHashMap<>();
        root.path("Parameters").properties().forEach(p -> parameters.put(p.getKey(), p.getValue().path("Default").asText()));
        List<NamedQuery> queries = new ArrayList<>();
        for (JsonNode resource : root.path("Resources")) {
            if (!resource.path("Type").asText().equals("AWS::Athena::NamedQuery")) {
                continue;
            }
            JsonNode properties = resource.path("Properties");
            String database = parameters.get(properties.path("Database").path("Ref").asText());
            String text = properties.path("QueryString").path("Fn::Sub").asText();
            queries.add(new NamedQuery(properties.path("Name").asText(), database, substitute(text, parameters)));
        }
        if (queries.isEmpty()) {
            throw new IllegalStateException("no AWS::Athena::NamedQuery in " + template);
        }
        return List.copyOf(queries);
    }

    private static String substitute(String text, Map<String, String> parameters) {
        Matcher m = SUB.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String value = parameters.get(m.group(1));
            if (value == null) {
                throw new IllegalArgumentException("Fn::Sub cannot resolve ${" + m.group(1) + "}");
            }
            m.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        return m.appendTail(out).toString();
    }
}
