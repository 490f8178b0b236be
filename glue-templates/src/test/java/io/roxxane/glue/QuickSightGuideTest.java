package io.roxxane.glue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.roxxane.schema.Column;
import io.roxxane.schema.PartitionRule;
import io.trino.sql.tree.Query;
import io.trino.sql.tree.QuerySpecification;
import io.trino.sql.tree.SelectItem;
import io.trino.sql.tree.SingleColumn;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The JSON definitions of docs/quicksight.md, as a reader would run them: the shell variables of
 * the guide substituted into each {@code cat > X.json <<EOF} block, the result parsed as strict
 * JSON. They must name the database and table the templates and the provisioner create, columns
 * that exist in the schema, and fields that exist in the data set, with consistent ids.
 */
class QuickSightGuideTest {
    private static final Pattern ASSIGNMENT = Pattern.compile("(?m)^([A-Z_]+)=(\\S*)(\\s+#.*)?$");
    private static final Pattern HEREDOC = Pattern.compile("(?s)cat > ([a-z-]+\\.json) <<EOF\\n(.*?)\\nEOF\\n");
    private static final Pattern VARIABLE = Pattern.compile("\\$\\{?([A-Z_]+)}?");
    private static final String ACCOUNT = "123456789012";

    private final Path guide = Templates.queriesDir().getParent().resolve("quicksight.md");
    private final String text = read(guide);
    private final Map<String, String> variables = variables(text);
    private final Map<String, JsonNode> definitions = definitions(text, variables);

    @Test
    void guide_hasTheThreeDefinitions_andNamesTheTablesOfTheTemplates() {
        assertEquals(List.of("data-source.json", "data-set.json", "analysis.json"), List.copyOf(definitions.keySet()));
        JsonNode catalog = Templates.read(Templates.CATALOG).path("Parameters");
        JsonNode athena = Templates.read(Templates.ATHENA).path("Parameters");

        assertEquals(catalog.path("DatabaseName").path("Default").asText(), variables.get("DATABASE"), "DATABASE");
        assertEquals(catalog.path("TableName").path("Default").asText(), variables.get("TABLE"), "TABLE");
        assertEquals("metrics", variables.get("TABLE"), "the provisioner's table is metrics");
        assertEquals(athena.path("WorkGroupName").path("Default").asText(), variables.get("WORKGROUP"), "WORKGROUP");
    }

    @Test
    void dataSource_isAthenaThroughTheWorkgroup() {
        JsonNode source = definitions.get("data-source.json");

        assertEquals("ATHENA", source.path("Type").asText());
        assertEquals(variables.get("WORKGROUP"), source.path("DataSourceParameters").path("AthenaParameters").path("WorkGroup").asText());
        assertEquals(ACCOUNT, source.path("AwsAccountId").asText());
        assertEquals(variables.get("QS_USER"), source.path("Permissions").get(0).path("Principal").asText());
    }

    @Test
    void dataSet_sqlIsTrinoSql_readingTheTable_withSchemaColumns_andDeclaresWhatItSelects() {
        JsonNode source = definitions.get("data-source.json");
        JsonNode set = definitions.get("data-set.json");
        JsonNode physical = set.path("PhysicalTableMap").fields().next().getValue().path("CustomSql");

        assertTrue(physical.path("DataSourceArn").asText().endsWith(":datasource/" + source.path("DataSourceId").asText()),
                physical.path("DataSourceArn").asText());
        io.trino.sql.tree.Statement statement = TrinoSql.parse("the data set's SqlQuery", physical.path("SqlQuery").asText());
        assertEquals(List.of(variables.get("DATABASE") + "." + variables.get("TABLE")), TrinoSql.tables(statement));
        Set<String> known = new HashSet<>(PartitionRule.KEYS);
        Column.tableColumns().forEach(c -> known.add(c.columnName()));
        for (String identifier : TrinoSql.identifiers(statement)) {
            assertTrue(known.contains(identifier), "the data set's SQL reads '" + identifier + "', which is no column of the table");
        }
        List<String> selected = new ArrayList<>();
        for (SelectItem item : ((QuerySpecification) ((Query) statement).getQueryBody()).getSelect().getSelectItems()) {
            SingleColumn column = (SingleColumn) item;
            selected.add(column.getAlias().map(a -> a.getValue()).orElseGet(() -> column.getExpression().toString()));
        }
        assertEquals(selected, names(physical.path("Columns")), "the data set's Columns are what its SQL selects, in order");
        String physicalId = set.path("PhysicalTableMap").fieldNames().next();
        set.path("LogicalTableMap").forEach(l -> assertEquals(physicalId, l.path("Source").path("PhysicalTableId").asText()));
    }

    @Test
    void dataSet_columnTypes_matchWhatTheSqlReturns_runByDuckDbOnTheAgentFiles() throws Exception {
        JsonNode physical = definitions.get("data-set.json").path("PhysicalTableMap").fields().next().getValue().path("CustomSql");
        // The SQL is Athena's: give DuckDB Athena's from_unixtime and the table under its Athena name.
        try (Connection db = DriverManager.getConnection("jdbc:duckdb:"); Statement st = db.createStatement()) {
            st.execute("CREATE MACRO from_unixtime(x) AS to_timestamp(x)");
            st.execute("CREATE SCHEMA " + variables.get("DATABASE"));
            LocalSampleTable.createView(db, variables.get("DATABASE") + "." + variables.get("TABLE"),
                    Path.of("src/test/resources/agent-samples"));
            // The 14-day window would leave the recorded files out; the types do not depend on it.
            String sql = physical.path("SqlQuery").asText().replaceFirst("WHERE .*$", "");
            try (ResultSet rows = st.executeQuery(sql)) {
                ResultSetMetaData meta = rows.getMetaData();
                JsonNode declared = physical.path("Columns");
                assertEquals(declared.size(), meta.getColumnCount());
                for (int i = 1; i <= meta.getColumnCount(); i++) {
                    String type = declared.get(i - 1).path("Type").asText();
                    String duck = meta.getColumnTypeName(i);
                    assertTrue(compatible(type, duck), meta.getColumnLabel(i) + ": declared " + type + ", the SQL returns " + duck);
                }
                assertTrue(rows.next(), "the data set's SQL returns the recorded samples");
            }
        }
    }

    /** Over the fixture's fleet mid-upgrade: schema-2 figures for the rows of schema-2 agents, null for the others. */
    @Test
    void dataSet_overSchema1AndSchema2Rows_givesTheSchema2FiguresOnlyWhereWritten(@TempDir Path root) throws Exception {
        JsonNode physical = definitions.get("data-set.json").path("PhysicalTableMap").fields().next().getValue().path("CustomSql");
        SampleFixture fixture = new SampleFixture();
        fixture.writeTo(root);
        long withFigures = fixture.stored().stream().filter(r -> r.get("container_cpu_throttled_ms") != null).count();
        long kills = fixture.stored().stream().filter(r -> r.get("container_oom_kills") != null)
                .mapToLong(r -> ((Number) r.get("container_oom_kills")).longValue()).sum();
        double throttled = fixture.stored().stream().filter(r -> r.get("container_cpu_throttled_ms") != null)
                .mapToDouble(r -> ((Number) r.get("container_cpu_throttled_ms")).doubleValue() / ((Number) r.get("interval_ms")).longValue())
                .sum();
        try (Connection db = DriverManager.getConnection("jdbc:duckdb:"); Statement st = db.createStatement()) {
            st.execute("CREATE MACRO from_unixtime(x) AS to_timestamp(x)");
            st.execute("CREATE SCHEMA " + variables.get("DATABASE"));
            LocalSampleTable.createView(db, variables.get("DATABASE") + "." + variables.get("TABLE"), root);
            String sql = physical.path("SqlQuery").asText().replaceFirst("WHERE .*$", "");
            try (ResultSet rows = st.executeQuery("SELECT count(*), count(cpu_throttled_share), sum(oom_kills),"
                    + " sum(cpu_throttled_share), count(DISTINCT container) FROM (" + sql + ")")) {
                assertTrue(rows.next());
                assertEquals(fixture.stored().size(), rows.getLong(1));
                assertEquals(withFigures, rows.getLong(2));
                assertTrue(withFigures > 0 && withFigures < fixture.stored().size(), "both versions in the fixture");
                assertEquals(kills, rows.getLong(3));
                assertEquals(throttled, rows.getDouble(4), 1e-9);
                assertEquals(2 + 2, rows.getLong(5), "two pods, and the hosts of the two schema-1 agents");
            }
        }
    }

    @Test
    void analysis_usesTheDataSet_andOnlyItsColumns_measuresNumeric_timeAsDatetime() {
        JsonNode set = definitions.get("data-set.json");
        JsonNode analysis = definitions.get("analysis.json").path("Definition");
        JsonNode declaration = analysis.path("DataSetIdentifierDeclarations").get(0);
        Map<String, String> types = new LinkedHashMap<>();
        set.path("PhysicalTableMap").fields().next().getValue().path("CustomSql").path("Columns")
                .forEach(c -> types.put(c.path("Name").asText(), c.path("Type").asText()));

        assertEquals(1, analysis.path("DataSetIdentifierDeclarations").size());
        assertTrue(declaration.path("DataSetArn").asText().endsWith(":dataset/" + set.path("DataSetId").asText()));
        List<JsonNode> columns = analysis.findValues("Column");
        assertFalse(columns.isEmpty());
        for (JsonNode column : columns) {
            assertEquals(declaration.path("Identifier").asText(), column.path("DataSetIdentifier").asText());
            assertTrue(types.containsKey(column.path("ColumnName").asText()), "no data set column " + column);
        }
        for (JsonNode field : analysis.findValues("NumericalMeasureField")) {
            String type = types.get(field.path("Column").path("ColumnName").asText());
            assertTrue(type.equals("DECIMAL") || type.equals("INTEGER"), field + " is " + type);
        }
        for (JsonNode field : analysis.findValues("DateDimensionField")) {
            assertEquals("DATETIME", types.get(field.path("Column").path("ColumnName").asText()), field.toString());
        }
        assertEquals(4, analysis.findValues("LineChartVisual").size(),
                "heap and GC per service, CPU per host, throttling per container");
    }

    @Test
    void guide_showsThePicturesItNames_andTheyExist() {
        Matcher image = Pattern.compile("!\\[[^]]*]\\(([^)]+\\.png)\\)").matcher(text);
        List<String> images = new ArrayList<>();
        while (image.find()) {
            images.add(image.group(1));
        }
        assertTrue(images.size() >= 2, "the guide should show the heap/GC and CPU pictures: " + images);
        for (String name : images) {
            Path png = guide.getParent().resolve(name).normalize();
            assertTrue(Files.isRegularFile(png), "missing picture " + png);
            assertTrue(sizeOf(png) < 150_000, png + " is large: " + sizeOf(png) + " bytes");
        }
    }

    private static boolean compatible(String quickSightType, String duckDbType) {
        return switch (quickSightType) {
            case "STRING" -> duckDbType.equals("VARCHAR");
            case "INTEGER" -> duckDbType.equals("BIGINT") || duckDbType.equals("INTEGER");
            case "DECIMAL" -> duckDbType.equals("DOUBLE") || duckDbType.startsWith("DECIMAL");
            case "DATETIME" -> duckDbType.startsWith("TIMESTAMP");
            default -> false;
        };
    }

    private static List<String> names(JsonNode columns) {
        List<String> names = new ArrayList<>();
        columns.forEach(c -> names.add(c.path("Name").asText()));
        return names;
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
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static long sizeOf(Path path) {
        try {
            return Files.size(path);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
