package io.roxxane.glue;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * docs/quicksight.md as a reader runs it: the shell variables of the guide substituted into each
 * {@code cat > X.json <<EOF} block, the result parsed as strict JSON; and DuckDB set up to run a
 * data set's SQL as Athena would.
 */
final class QuickSightGuide {
    static final String ACCOUNT = "123456789012";
    /** The data sets' 14-day window on the partition keys, as the guide writes it. */
    static final String WINDOW = "concat(year, '-', month, '-', day) >= CAST(current_date - interval '14' day AS varchar)";
    private static final Pattern ASSIGNMENT = Pattern.compile("(?m)^([A-Z_]+)=(\\S*)(\\s+#.*)?$");
    private static final Pattern HEREDOC = Pattern.compile("(?s)cat > ([a-z-]+\\.json) <<EOF\\n(.*?)\\nEOF\\n");
    private static final Pattern VARIABLE = Pattern.compile("\\$\\{?([A-Z_]+)}?");

    final Path path = Templates.queriesDir().getParent().resolve("quicksight.md");
    final String text = read(path);
    final Map<String, String> variables = variables(text);
    final Map<String, JsonNode> definitions = definitions(text, variables);

    /** The CustomSql of a data set's (only) physical table. */
    JsonNode customSql(String file) {
        return definitions.get(file).path("PhysicalTableMap").fields().next().getValue().path("CustomSql");
    }

    /** A data set's SQL with its 14-day window made TRUE (the test data is older); the window must be there. */
    String sqlWithoutWindow(String file) {
        String sql = customSql(file).path("SqlQuery").asText();
        assertTrue(sql.contains(WINDOW), file + " restricts the scan to 14 days by partition keys: " + WINDOW);
        return sql.replace(WINDOW, "TRUE");
    }

    /** DuckDB with Athena's from_unixtime and the samples below {@code root} as the guide's database.table. */
    Connection duckDb(Path root) throws SQLException {
        Connection db = DriverManager.getConnection("jdbc:duckdb:");
        try (Statement st = db.createStatement()) {
            st.execute("CREATE MACRO from_unixtime(x) AS to_timestamp(x)");
            st.execute("CREATE SCHEMA " + variables.get("DATABASE"));
            LocalSampleTable.createView(db, variables.get("DATABASE") + "." + variables.get("TABLE"), root);
        }
        return db;
    }

    /** Whether DuckDB's result type is what the QuickSight type declares. */
    static boolean compatible(String quickSightType, String duckDbType) {
        return switch (quickSightType) {
            case "STRING" -> duckDbType.equals("VARCHAR");
            case "INTEGER" -> duckDbType.equals("BIGINT") || duckDbType.equals("INTEGER");
            case "DECIMAL" -> duckDbType.equals("DOUBLE") || duckDbType.startsWith("DECIMAL");
            case "DATETIME" -> duckDbType.startsWith("TIMESTAMP");
            default -> false;
        };
    }

    private static Map<String, String> variables(String text) {
        Map<String, String> variables = new LinkedHashMap<>();
        variables.put("ACCOUNT", ACCOUNT);
        Matcher assignment = ASSIGNMENT.matcher(text);
        while (assignment.find()) {
            if (!assignment.group(1).equals("ACCOUNT")) {
                variables.put(assignment.group(1), substitute(assignment.group(2), variables));
            }
        }
        for (String name : List.of("REGION", "QS_USER", "WORKGROUP", "DATABASE", "TABLE")) {
            assertTrue(variables.containsKey(name), "the guide sets no " + name + "=");
        }
        return variables;
    }

    private static Map<String, JsonNode> definitions(String text, Map<String, String> variables) {
        ObjectMapper json = new ObjectMapper().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
        Map<String, JsonNode> result = new LinkedHashMap<>();
        Matcher heredoc = HEREDOC.matcher(text);
        while (heredoc.find()) {
            try {
                result.put(heredoc.group(1), json.readTree(substitute(heredoc.group(2), variables)));
            } catch (Exception e) {
                throw new AssertionError(heredoc.group(1) + " in the guide is not valid JSON: " + e.getMessage(), e);
            }
        }
        return result;
    }

    private static String substitute(String value, Map<String, String> variables) {
        Matcher variable = VARIABLE.matcher(value);
        StringBuilder out = new StringBuilder();
        while (variable.find()) {
            String name = variable.group(1);
            assertTrue(variables.containsKey(name), "the guide uses $" + name + " before setting it");
            variable.appendReplacement(out, Matcher.quoteReplacement(variables.get(name)));
        }
        variable.appendTail(out);
        return out.toString();
    }

    private static String read(Path path) {
        try {
            return Files.readString(path, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
