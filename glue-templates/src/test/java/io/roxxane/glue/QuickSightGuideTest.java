package io.roxxane.glue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.roxxane.schema.Column;
import io.roxxane.schema.ColumnType;
import io.roxxane.schema.PartitionRule;
import io.trino.sql.tree.Query;
import io.trino.sql.tree.QuerySpecification;
import io.trino.sql.tree.SelectItem;
import io.trino.sql.tree.SingleColumn;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
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
 * The JSON definitions of docs/quicksight.md ({@link QuickSightGuide}): they must name the database
 * and table the templates and the provisioner create, columns that exist in the schema, and fields
 * that exist in the data sets, with consistent ids. The Tomcat data set's rows:
 * {@link QuickSightTomcatDataSetTest}.
 */
class QuickSightGuideTest {
    static final List<String> DATA_SETS = List.of("data-set.json", "tomcat-data-set.json");

    private final QuickSightGuide guide = new QuickSightGuide();
    private final Map<String, String> variables = guide.variables;
    private final Map<String, JsonNode> definitions = guide.definitions;

    @Test
    void guide_hasTheFourDefinitions_andNamesTheTablesOfTheTemplates() {
        assertEquals(List.of("data-source.json", "data-set.json", "tomcat-data-set.json", "analysis.json"),
                List.copyOf(definitions.keySet()));
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
        assertEquals(QuickSightGuide.ACCOUNT, source.path("AwsAccountId").asText());
        assertEquals(variables.get("QS_USER"), source.path("Permissions").get(0).path("Principal").asText());
    }

    /** Column references are columns of the table or names the query gives itself (an UNNEST's alias and column). */
    @Test
    void dataSets_sqlIsTrinoSql_readingTheTable_withSchemaColumns_andDeclaresWhatItSelects() {
        JsonNode source = definitions.get("data-source.json");
        for (String file : DATA_SETS) {
            JsonNode set = definitions.get(file);
            JsonNode physical = guide.customSql(file);

            assertTrue(physical.path("DataSourceArn").asText().endsWith(":datasource/" + source.path("DataSourceId").asText()),
                    file + ": " + physical.path("DataSourceArn").asText());
            io.trino.sql.tree.Statement statement = TrinoSql.parse(file + "'s SqlQuery", physical.path("SqlQuery").asText());
            assertEquals(List.of(variables.get("DATABASE") + "." + variables.get("TABLE")), TrinoSql.tables(statement), file);
            Set<String> known = new HashSet<>(PartitionRule.KEYS);
            Column.tableColumns().forEach(c -> known.add(c.columnName()));
            known.addAll(TrinoSql.relationNames(statement));
            for (String identifier : TrinoSql.identifiers(statement)) {
                assertTrue(known.contains(identifier), file + "'s SQL reads '" + identifier + "', which is no column of the table");
            }
            Set<String> fields = new HashSet<>(TrinoSql.relationNames(statement));
            Column.tableColumns().forEach(c -> fields.addAll(structFields(c.type())));
            for (String field : TrinoSql.fields(statement)) {
                assertTrue(fields.contains(field), file + "'s SQL reads field '" + field + "', which no struct of the table has");
            }
            assertEquals(List.of(), TrinoSql.unguardedFixedKeyLookups(statement), file + ": a fixed map key fails Athena's query"
                    + " on a row without it");
            assertTrue(physical.path("SqlQuery").asText().contains(QuickSightGuide.WINDOW), file + ": the 14-day window");
            List<String> selected = new ArrayList<>();
            for (SelectItem item : ((QuerySpecification) ((Query) statement).getQueryBody()).getSelect().getSelectItems()) {
                SingleColumn column = (SingleColumn) item;
                selected.add(column.getAlias().map(a -> a.getValue()).orElseGet(() -> column.getExpression().toString()));
            }
            assertEquals(selected, names(physical.path("Columns")), file + ": the Columns are what its SQL selects, in order");
            String physicalId = set.path("PhysicalTableMap").fieldNames().next();
            set.path("LogicalTableMap").forEach(l -> assertEquals(physicalId, l.path("Source").path("PhysicalTableId").asText()));
        }
    }

    @Test
    void dataSet_columnTypes_matchWhatTheSqlReturns_runByDuckDbOnTheAgentFiles() throws Exception {
        JsonNode declared = guide.customSql("data-set.json").path("Columns");
        try (Connection db = guide.duckDb(Path.of("src/test/resources/agent-samples")); Statement st = db.createStatement();
                ResultSet rows = st.executeQuery(guide.sqlWithoutWindow("data-set.json"))) {
            assertTypes(declared, rows.getMetaData());
            assertTrue(rows.next(), "the data set's SQL returns the recorded samples");
        }
    }

    /** Over the fixture's fleet mid-upgrade: schema-2 figures for the rows of schema-2 agents, null for the others. */
    @Test
    void dataSet_overSchema1AndSchema2Rows_givesTheSchema2FiguresOnlyWhereWritten(@TempDir Path root) throws Exception {
        SampleFixture fixture = new SampleFixture();
        fixture.writeTo(root);
        long withFigures = fixture.stored().stream().filter(r -> r.get("container_cpu_throttled_ms") != null).count();
        long kills = fixture.stored().stream().filter(r -> r.get("container_oom_kills") != null)
                .mapToLong(r -> ((Number) r.get("container_oom_kills")).longValue()).sum();
        double throttled = fixture.stored().stream().filter(r -> r.get("container_cpu_throttled_ms") != null)
                .mapToDouble(r -> ((Number) r.get("container_cpu_throttled_ms")).doubleValue() / ((Number) r.get("interval_ms")).longValue())
                .sum();
        try (Connection db = guide.duckDb(root); Statement st = db.createStatement();
                ResultSet rows = st.executeQuery("SELECT count(*), count(cpu_throttled_share), sum(oom_kills),"
                        + " sum(cpu_throttled_share), count(DISTINCT container) FROM (" + guide.sqlWithoutWindow("data-set.json") + ")")) {
            assertTrue(rows.next());
            assertEquals(fixture.stored().size(), rows.getLong(1));
            assertEquals(withFigures, rows.getLong(2));
            assertTrue(withFigures > 0 && withFigures < fixture.stored().size(), "both versions in the fixture");
            assertEquals(kills, rows.getLong(3));
            assertEquals(throttled, rows.getDouble(4), 1e-9);
            assertEquals(2 + 2, rows.getLong(5), "two pods, and the hosts of the two schema-1 agents");
        }
    }

    @Test
    void analysis_usesTheDataSets_andOnlyTheirColumns_measuresNumeric_timeAsDatetime() {
        JsonNode analysis = definitions.get("analysis.json").path("Definition");
        Map<String, Map<String, String>> typesById = new LinkedHashMap<>();
        for (JsonNode declaration : analysis.path("DataSetIdentifierDeclarations")) {
            String file = DATA_SETS.stream().filter(f -> declaration.path("DataSetArn").asText()
                    .endsWith(":dataset/" + definitions.get(f).path("DataSetId").asText())).findFirst()
                    .orElseThrow(() -> new AssertionError("no data set in the guide for " + declaration));
            Map<String, String> types = new LinkedHashMap<>();
            guide.customSql(file).path("Columns").forEach(c -> types.put(c.path("Name").asText(), c.path("Type").asText()));
            typesById.put(declaration.path("Identifier").asText(), types);
        }

        assertEquals(DATA_SETS.size(), typesById.size(), "each data set declared once: " + typesById.keySet());
        List<JsonNode> columns = analysis.findValues("Column");
        assertFalse(columns.isEmpty());
        for (JsonNode column : columns) {
            Map<String, String> types = typesById.get(column.path("DataSetIdentifier").asText());
            assertTrue(types != null && types.containsKey(column.path("ColumnName").asText()), "no data set column " + column);
        }
        for (JsonNode field : analysis.findValues("NumericalMeasureField")) {
            String type = typeOf(typesById, field.path("Column"));
            assertTrue(type.equals("DECIMAL") || type.equals("INTEGER"), field + " is " + type);
        }
        for (JsonNode field : analysis.findValues("DateDimensionField")) {
            assertEquals("DATETIME", typeOf(typesById, field.path("Column")), field.toString());
        }
        assertEquals(5, analysis.findValues("LineChartVisual").size(),
                "heap and GC per service, CPU per host, throttling per container, Tomcat threads per pod");
    }

    @Test
    void guide_showsThePicturesItNames_andTheyExist() throws Exception {
        Matcher image = Pattern.compile("!\\[[^]]*]\\(([^)]+\\.png)\\)").matcher(guide.text);
        List<String> images = new ArrayList<>();
        while (image.find()) {
            images.add(image.group(1));
        }
        assertTrue(images.size() >= 2, "the guide should show the heap/GC and CPU pictures: " + images);
        for (String name : images) {
            Path png = guide.path.getParent().resolve(name).normalize();
            assertTrue(Files.isRegularFile(png), "missing picture " + png);
            assertTrue(Files.size(png) < 150_000, png + " is large: " + Files.size(png) + " bytes");
        }
    }

    /** The declared QuickSight types against DuckDB's result types, column by column. */
    static void assertTypes(JsonNode declared, ResultSetMetaData meta) throws java.sql.SQLException {
        assertEquals(declared.size(), meta.getColumnCount());
        for (int i = 1; i <= meta.getColumnCount(); i++) {
            String type = declared.get(i - 1).path("Type").asText();
            String duck = meta.getColumnTypeName(i);
            assertTrue(QuickSightGuide.compatible(type, duck), meta.getColumnLabel(i) + ": declared " + type + ", the SQL returns " + duck);
        }
    }

    /** The field names of the structs in a type (a map's values), at any depth. */
    private static Set<String> structFields(ColumnType type) {
        Set<String> names = new HashSet<>(type.fields().keySet());
        if (type.valueType() != null) {
            names.addAll(structFields(type.valueType()));
        }
        type.fields().values().forEach(t -> names.addAll(structFields(t)));
        return names;
    }

    private static String typeOf(Map<String, Map<String, String>> typesById, JsonNode column) {
        return typesById.get(column.path("DataSetIdentifier").asText()).get(column.path("ColumnName").asText());
    }

    private static List<String> names(JsonNode columns) {
        List<String> names = new ArrayList<>();
        columns.forEach(c -> names.add(c.path("Name").asText()));
        return names;
    }
}
