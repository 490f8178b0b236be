package io.roxxane.athena;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.roxxane.athena.queries.QuickSightDataSet;
import io.roxxane.athena.queries.RowAssert;
import io.roxxane.athena.trino.AthenaEngine.Result;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * A QuickSight data set's custom SQL run by Trino as Athena runs it for QuickSight (the guide's
 * {@code current_date} window included), and what every data set's test checks the same way.
 */
final class QuickSightRun {
    /** The rows of one run and the UTC date the run saw. */
    record Run(LocalDate today, Result result) {
    }

    private QuickSightRun() {
    }

    /** Runs the data set's SQL; again if it ran across a UTC midnight (the window moved). */
    static Run run(DataLake lake, QuickSightDataSet dataSet) {
        LocalDate today;
        Result result;
        do {
            today = currentDate(lake);
            result = lake.engine().query(dataSet.sql());
        } while (!today.equals(currentDate(lake)));
        return new Run(today, result);
    }

    /** The declared columns are the SQL's, in order, and each QuickSight type fits the Trino type returned. */
    static void assertDeclaredTypesFit(DataLake lake, QuickSightDataSet dataSet) {
        Result result = lake.engine().query(dataSet.sql() + " LIMIT 1");

        assertEquals(List.copyOf(dataSet.columns().keySet()), result.columns());
        List<String> misfits = new ArrayList<>();
        for (Map.Entry<String, String> column : dataSet.columns().entrySet()) {
            String type = result.type(column.getKey());
            boolean fits = switch (column.getValue()) {
                case "DATETIME" -> type.startsWith("timestamp(");
                case "STRING" -> type.startsWith("varchar");
                case "INTEGER" -> type.equals("bigint") || type.equals("integer");
                case "DECIMAL" -> type.equals("double") || type.startsWith("decimal(");
                default -> false;
            };
            if (!fits) {
                misfits.add(column.getKey() + " declared " + column.getValue() + ", Trino returns " + type);
            }
        }
        assertEquals(List.of(), misfits);
    }

    /** A data set has no order: rows sorted by the text of these columns (exact ones), for both sides alike. */
    static List<Map<String, Object>> sorted(List<Map<String, Object>> rows, List<String> keys) {
        return rows.stream().sorted(Comparator.comparing(r -> keys.stream()
                .map(k -> String.valueOf(RowAssert.normalised(r.get(k)))).reduce("", (a, b) -> a + "|" + b))).toList();
    }

    private static LocalDate currentDate(DataLake lake) {
        return (LocalDate) lake.engine().query("SELECT current_date AS d").rows().get(0).get("d");
    }
}
