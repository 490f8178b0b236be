package io.roxxane.athena.queries;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The custom SQL of a QuickSight data set in docs/quicksight.md, as a reader of the guide sends
 * it to Athena: a {@code cat > <file> <<EOF} block ({@code data-set.json}, the samples;
 * {@code tomcat-data-set.json}, Tomcat's thread pools) with the guide's shell variables substituted.
 *
 * @param sql the {@code SqlQuery}
 * @param columns the declared {@code Columns}, name to QuickSight type, in order
 */
public record QuickSightDataSet(String sql, Map<String, String> columns) {
    private static final Pattern ASSIGNMENT = Pattern.compile("(?m)^([A-Z_]+)=(\\S*)(\\s+#.*)?$");
    private static final Pattern VARIABLE = Pattern.compile("\\$\\{?([A-Z_]+)}?");

    /** The guide's first data set, {@code data-set.json}. */
    public static QuickSightDataSet read(Path guide) {
        return read(guide, "data-set.json");
    }

    /** The data set the guide writes to {@code file} (e.g. {@code tomcat-data-set.json}). */
    public static QuickSightDataSet read(Path guide, String file) {
        Pattern heredoc = Pattern.compile("(?s)cat > " + Pattern.quote(file) + " <<EOF\\n(.*?)\\nEOF\\n");
        try {
            String text = Files.readString(guide);
            Map<String, String> variables = new LinkedHashMap<>();
            variables.put("ACCOUNT", "123456789012");
            Matcher assignment = ASSIGNMENT.matcher(text);
            while (assignment.find()) {
                if (!assignment.group(1).equals("ACCOUNT")) {
                    variables.put(assignment.group(1), substitute(assignment.group(2), variables));
                }
            }
            Matcher block = heredoc.matcher(text);
            if (!block.find()) {
                throw new IllegalStateException("no 'cat > " + file + " <<EOF' block in " + guide);
            }
            JsonNode set = new ObjectMapper().readTree(substitute(block.group(1), variables));
            JsonNode custom = set.path("PhysicalTableMap").elements().next().path("CustomSql");
            Map<String, String> columns = new LinkedHashMap<>();
            custom.path("Columns").forEach(c -> columns.put(c.path("Name").asText(), c.path("Type").asText()));
            return new QuickSightDataSet(custom.path("SqlQuery").asText(), columns);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String substitute(String value, Map<String, String> variables) {
        Matcher variable = VARIABLE.matcher(value);
        StringBuilder out = new StringBuilder();
        while (variable.find()) {
            String replacement = variables.get(variable.group(1));
            if (replacement == null) {
                throw new IllegalStateException("the guide uses $" + variable.group(1) + " before setting it");
            }
            variable.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        return variable.appendTail(out).toString();
    }
}
