package io.roxxane.glue;

import io.trino.sql.parser.ParsingException;
import io.trino.sql.parser.SqlParser;
import io.trino.sql.tree.DataType;
import io.trino.sql.tree.Identifier;
import io.trino.sql.tree.Node;
import io.trino.sql.tree.Statement;
import io.trino.sql.tree.Table;
import java.util.ArrayList;
import java.util.List;

/** Trino's own SQL parser (Athena engine version 3 is Trino): what parses there is Athena syntax. */
final class TrinoSql {
    private static final SqlParser PARSER = new SqlParser();

    private TrinoSql() {
    }

    /** Parses one statement; a syntax error fails with Trino's message, line and column. */
    static Statement parse(String name, String sql) {
        try {
            return PARSER.createStatement(sql);
        } catch (ParsingException e) {
            throw new AssertionError(name + " is not Trino (Athena engine 3) SQL: " + e.getMessage(), e);
        }
    }

    /** Every node of the tree, depth first. */
    static List<Node> nodes(Node root) {
        List<Node> result = new ArrayList<>();
        collect(root, result);
        return result;
    }

    /**
     * The identifiers of the tree outside type names ({@code CAST(x AS double)}): the column
     * references. Aliases, table and function names are not Identifier children in Trino's tree.
     */
    static List<String> identifiers(Node root) {
        List<String> result = new ArrayList<>();
        identifiers(root, result);
        return result;
    }

    private static void identifiers(Node node, List<String> result) {
        if (node instanceof DataType) {
            return;
        }
        if (node instanceof Identifier identifier) {
            result.add(identifier.getValue());
        }
        for (Node child : node.getChildren()) {
            identifiers(child, result);
        }
    }

    /** The tables the statement reads, as written ({@code db.table}). */
    static List<String> tables(Node root) {
        return nodes(root).stream().filter(Table.class::isInstance).map(n -> ((Table) n).getName().toString()).toList();
    }

    private static void collect(Node node, List<Node> result) {
        result.add(node);
        for (Node child : node.getChildren()) {
            collect(child, result);
        }
    }
}
