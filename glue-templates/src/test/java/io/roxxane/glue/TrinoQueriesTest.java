package io.roxxane.glue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.trino.sql.tree.Query;
import io.trino.sql.tree.Statement;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Every docs/queries file parses with Trino's SQL parser (io.trino:trino-parser; Athena engine
 * version 3 is Trino), as a query of the one table. DuckDB runs the same files in the other
 * tests, so each file is checked by both engines' grammars. Parsing checks syntax, not function
 * names or types: a function Athena lacks still parses (see docs/queries/README.md for those).
 */
class TrinoQueriesTest {
    @Test
    void everyQueryFile_parsesAsTrinoSql_readingOnlyTheTable() throws Exception {
        List<QueryFile> queries = QueryFile.readAll(Templates.queriesDir());
        assertFalse(queries.isEmpty());
        for (QueryFile query : queries) {
            Statement statement = TrinoSql.parse(query.name() + ".sql", query.sqlFor("roxxane.metrics"));

            assertInstanceOf(Query.class, statement, query.name());
            List<String> tables = TrinoSql.tables(statement);
            assertTrue(tables.contains("roxxane.metrics"), query.name() + " reads " + tables);
            assertTrue(tables.stream().allMatch(t -> t.equals("roxxane.metrics") || !t.contains(".")),
                    query.name() + ": only the table and its own CTEs: " + tables);
        }
    }

    /** docs/queries/README.md's rule: a fixed map key only behind {@code CASE WHEN contains(map_keys(m), 'k')}. */
    @Test
    void everyQueryFile_readsAFixedMapKeyOnlyWhereTheMapHasIt() throws Exception {
        for (QueryFile query : QueryFile.readAll(Templates.queriesDir())) {
            Statement statement = TrinoSql.parse(query.name() + ".sql", query.sqlFor("roxxane.metrics"));

            assertEquals(List.of(), TrinoSql.unguardedFixedKeyLookups(statement), query.name()
                    + ": in Athena a row whose map lacks the key fails the whole query");
        }
    }

    @Test
    void unguardedFixedKeyLookups_findsOnlyTheUnguardedOnes() {
        Statement statement = TrinoSql.parse("lookups", "SELECT tags['env'], "
                + "CASE WHEN contains(map_keys(tags), 'env') THEN tags['env'] END, "
                + "CASE WHEN x > 0 AND contains(map_keys(m[k.k].labels), 'pool') THEN m[k.k].labels['pool'] END, "
                + "CASE WHEN contains(map_keys(tags), 'env') THEN tags['team'] END, m[k.k].value "
                + "FROM t CROSS JOIN UNNEST(map_keys(m)) AS k (k)");

        assertEquals(List.of("tags['env']", "tags['team']"), TrinoSql.unguardedFixedKeyLookups(statement));
    }

    @Test
    void parser_rejectsDuckDbOnlySyntax() {
        // What the files must not use: DuckDB accepts these, Trino does not.
        assertThrows(AssertionError.class, () -> TrinoSql.parse("select exclude", "SELECT * EXCLUDE (ts) FROM t"));
        assertThrows(AssertionError.class, () -> TrinoSql.parse("from first", "FROM t SELECT host"));
        assertThrows(AssertionError.class, () -> TrinoSql.parse("trailing semicolon", "SELECT 1;"));
        assertThrows(AssertionError.class, () -> TrinoSql.parse("duckdb cast", "SELECT ts::DOUBLE FROM t"));
    }
}
