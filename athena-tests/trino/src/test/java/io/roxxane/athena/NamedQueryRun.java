package io.roxxane.athena;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.roxxane.athena.data.StoredRow;
import io.roxxane.athena.queries.AthenaTemplateQueries;
import io.roxxane.athena.queries.NamedQuery;
import io.roxxane.athena.queries.RowAssert;
import io.roxxane.athena.trino.AthenaEngine.Result;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/** Runs a named query of the Athena template on Trino and holds its rows to the expectation. */
final class NamedQueryRun {
    private NamedQueryRun() {
    }

    /** The template's named queries by name, {@code Fn::Sub} resolved. */
    static Map<String, NamedQuery> queries() {
        Map<String, NamedQuery> queries = new TreeMap<>();
        for (NamedQuery query : AthenaTemplateQueries.read(Repo.athenaTemplate())) {
            queries.put(query.name(), query);
        }
        return queries;
    }

    /**
     * Runs the named query on Trino, checks its rows and their order against the expectation
     * (the {@code rounded} columns within half a unit of their last digit), returns them (integers as Long).
     */
    static List<Map<String, Object>> run(DataLake lake, String name, Function<List<StoredRow>, List<Map<String, Object>>> expectation,
            Map<String, Integer> rounded) {
        NamedQuery query = queries().get(name);
        assertTrue(query != null, "the Athena template has no named query " + name);
        Result result = lake.engine().query(query.sql());
        List<Map<String, Object>> expected = expectation.apply(lake.stored());
        assertFalse(expected.isEmpty(), name + ": the data must give this query rows to find");
        RowAssert.assertRows(name, expected, result.rows(), rounded);
        return result.rows().stream().map(NamedQueryRun::normalised).toList();
    }

    private static Map<String, Object> normalised(Map<String, Object> row) {
        Map<String, Object> copy = new LinkedHashMap<>();
        row.forEach((k, v) -> copy.put(k, v instanceof Integer i ? (Object) i.longValue() : v));
        return copy;
    }
}
