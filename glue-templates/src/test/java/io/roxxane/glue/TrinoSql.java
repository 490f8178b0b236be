package io.roxxane.glue;

import io.trino.sql.parser.ParsingException;
import io.trino.sql.parser.SqlParser;
import io.trino.sql.tree.AliasedRelation;
import io.trino.sql.tree.DataType;
import io.trino.sql.tree.DereferenceExpression;
import io.trino.sql.tree.Expression;
import io.trino.sql.tree.Identifier;
import io.trino.sql.tree.LogicalExpression;
import io.trino.sql.tree.Node;
import io.trino.sql.tree.Statement;
import io.trino.sql.tree.StringLiteral;
import io.trino.sql.tree.SubscriptExpression;
import io.trino.sql.tree.Table;
import io.trino.sql.tree.WhenClause;
import io.trino.sql.tree.WithQuery;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

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
     * The identifiers of the tree outside type names ({@code CAST(x AS double)}) and dereferenced
     * fields ({@link #fields}): the column references. Aliases, table and function names are not
     * Identifier children in Trino's tree.
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
        if (node instanceof DereferenceExpression dereference) {
            identifiers(dereference.getBase(), result);
            return;
        }
        for (Node child : node.getChildren()) {
            identifiers(child, result);
        }
    }

    /**
     * The names after a dot: a struct's fields ({@code app_metrics[k].labels}) or a relation's
     * columns ({@code m.series}).
     */
    static List<String> fields(Node root) {
        return nodes(root).stream().filter(DereferenceExpression.class::isInstance)
                .map(n -> ((DereferenceExpression) n).getField()).filter(java.util.Optional::isPresent)
                .map(f -> f.get().getValue()).toList();
    }

    /**
     * The names the statement gives its own relations, which column references may use besides the
     * table's columns: an aliased relation's alias and column names ({@code UNNEST(…) AS m (series)}),
     * a WITH query's name and column names.
     */
    static Set<String> relationNames(Node root) {
        Set<String> names = new HashSet<>();
        for (Node node : nodes(root)) {
            if (node instanceof AliasedRelation aliased) {
                names.add(aliased.getAlias().getValue());
                if (aliased.getColumnNames() != null) {
                    aliased.getColumnNames().forEach(c -> names.add(c.getValue()));
                }
            } else if (node instanceof WithQuery with) {
                names.add(with.getName().getValue());
                with.getColumnNames().ifPresent(columns -> columns.forEach(c -> names.add(c.getValue())));
            }
        }
        return names;
    }

    /**
     * The map lookups by a fixed key ({@code m['k']}) that no {@code CASE WHEN contains(map_keys(m), 'k')
     * THEN …} guards, as written: in Trino one row whose map lacks the key fails the whole query
     * (DuckDB gives NULL, so its runs cannot tell). A lookup by a key taken from the map itself
     * ({@code m[p.k]} after {@code UNNEST(map_keys(m))}) is not a fixed key.
     */
    static List<String> unguardedFixedKeyLookups(Node root) {
        List<String> result = new ArrayList<>();
        unguarded(root, new ArrayList<>(), result);
        return result;
    }

    private static void unguarded(Node node, List<Expression> guards, List<String> result) {
        if (node instanceof SubscriptExpression subscript && subscript.getIndex() instanceof StringLiteral key
                && !guards.contains(guard(subscript.getBase(), key))) {
            result.add(subscript.toString());
        }
        if (node instanceof WhenClause when) {
            unguarded(when.getOperand(), guards, result);
            List<Expression> inner = new ArrayList<>(guards);
            inner.addAll(conjuncts(when.getOperand()));
            unguarded(when.getResult(), inner, result);
            return;
        }
        for (Node child : node.getChildren()) {
            unguarded(child, guards, result);
        }
    }

    /** {@code contains(map_keys(base), key)}, as the parser builds it from the text. */
    private static Expression guard(Expression base, StringLiteral key) {
        return (Expression) PARSER.createExpression("contains(map_keys(" + base + "), " + key + ")");
    }

    private static List<Expression> conjuncts(Expression condition) {
        List<Expression> result = new ArrayList<>();
        if (condition instanceof LogicalExpression logical && logical.getOperator() == LogicalExpression.Operator.AND) {
            logical.getTerms().forEach(t -> result.addAll(conjuncts(t)));
        } else {
            result.add((Expression) PARSER.createExpression(condition.toString()));
        }
        return result;
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
