package com.storymimi.studio.local.rest;

import com.storymimi.studio.local.db.Catalog;
import com.storymimi.studio.local.db.ColumnInfo;
import com.storymimi.studio.local.db.ColumnType;
import com.storymimi.studio.local.db.DatabaseError;
import com.storymimi.studio.local.db.PgTimestamps;
import com.storymimi.studio.local.db.TableInfo;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Turns the query AST into SQLite statements for one table. Every identifier is checked against the catalog
 * (and quoted), every value is converted to its column type and bound as a parameter. Row-level security
 * arrives as {@code rowsVisible}: false adds a predicate that no row satisfies, as RLS without a policy does.
 */
final class SqlBuilder {

    /** PostgREST's db-max-rows in the Supabase CLI config: no response carries more rows. */
    static final long MAX_ROWS = 1000;

    private final TableInfo table;
    private final Source source;
    private final String errorName;

    SqlBuilder(TableInfo table) {
        this(table, Source.table(table), table.name());
    }

    /**
     * @param source    where rows come from: the table itself or an RPC function's result set
     * @param errorName the relation name used in "column x.y does not exist" (PostgREST aliases embeds as
     *                  {@code scenes_1})
     */
    SqlBuilder(TableInfo table, Source source, String errorName) {
        this.table = table;
        this.source = source;
        this.errorName = errorName;
    }

    TableInfo table() {
        return table;
    }

    /**
     * The FROM item with its parameters. {@code defaultOrder} orders the rows when the client asks for no
     * order (an RPC's own result order); null means storage order.
     */
    record Source(String fromSql, List<Object> params, String defaultOrder) {
        static Source table(TableInfo table) {
            return new Source(Catalog.quote(table.name()), List.of(), null);
        }
    }

    /** A predicate beyond the filters (an embed's inner join) with its parameters. */
    record Predicate(String sql, List<Object> params) {
    }

    SqlStatement select(List<String> columns, List<Condition> filters, List<Predicate> predicates,
                        boolean rowsVisible, List<OrderTerm> order, long limit, long offset) {
        List<Object> params = new ArrayList<>(source.params());
        String sql = "SELECT " + expressions(columns) + " FROM " + source.fromSql()
                + where(filters, predicates, rowsVisible, params) + orderBy(order, true) + " LIMIT ? OFFSET ?";
        params.add(limit);
        params.add(offset);
        return new SqlStatement(sql, params);
    }

    SqlStatement count(List<Condition> filters, List<Predicate> predicates, boolean rowsVisible) {
        List<Object> params = new ArrayList<>(source.params());
        return new SqlStatement("SELECT count(*) FROM " + source.fromSql()
                + where(filters, predicates, rowsVisible, params), params);
    }

    /**
     * The rows of an embedded resource for a batch of parent keys, each parent's rows in the embed's order;
     * with a per-embed limit/offset, a window numbers each parent's rows so the slice is per parent.
     */
    SqlStatement selectChildren(List<String> columns, List<String> keyColumns, List<List<Object>> keys,
                                List<Condition> filters, List<Predicate> predicates, boolean rowsVisible,
                                List<OrderTerm> order, Long limit, long offset) {
        List<Object> params = new ArrayList<>(source.params());
        List<Predicate> all = new ArrayList<>(predicates);
        all.add(keyIn(keyColumns, keys));
        String where = where(filters, all, rowsVisible, params);
        if (limit == null && offset == 0) {
            return new SqlStatement("SELECT " + expressions(columns) + " FROM " + source.fromSql() + where
                    + orderBy(order, false), params);
        }
        String partition = keyColumns.stream().map(Catalog::quote).collect(Collectors.joining(", "));
        String window = orderBy(order, false);
        String inner = "SELECT " + expressions(columns) + ", ROW_NUMBER() OVER (PARTITION BY " + partition
                + (window.isEmpty() ? " ORDER BY rowid" : window) + ") AS \"__rn\" FROM " + source.fromSql() + where;
        params.add(offset);
        params.add(limit == null ? Long.MAX_VALUE : offset + Math.min(limit, Long.MAX_VALUE - offset));
        return new SqlStatement("SELECT * FROM (" + inner + ") WHERE \"__rn\" > ? AND \"__rn\" <= ? ORDER BY \"__rn\"",
                params);
    }

    /** {@code SELECT key FROM source WHERE ...}: the keys of the rows an inner embed may join. */
    SqlStatement keys(List<String> keyColumns, List<Condition> filters, List<Predicate> predicates,
                      boolean rowsVisible) {
        List<Object> params = new ArrayList<>(source.params());
        return new SqlStatement("SELECT " + expressions(keyColumns) + " FROM " + source.fromSql()
                + where(filters, predicates, rowsVisible, params), params);
    }

    private static Predicate keyIn(List<String> keyColumns, List<List<Object>> keys) {
        List<Object> params = new ArrayList<>();
        keys.forEach(params::addAll);
        if (keyColumns.size() == 1) {
            return new Predicate(Catalog.quote(keyColumns.getFirst()) + " IN ("
                    + String.join(", ", Collections.nCopies(keys.size(), "?")) + ")", params);
        }
        String tuple = "(" + String.join(", ", Collections.nCopies(keyColumns.size(), "?")) + ")";
        return new Predicate("(" + expressions(keyColumns) + ") IN (VALUES "
                + String.join(", ", Collections.nCopies(keys.size(), tuple)) + ")", params);
    }

    /** The given rows (by rowid) in the given order: the representation of a write. */
    SqlStatement selectRows(List<String> columns, List<Long> rowids) {
        if (rowids.isEmpty()) {
            return new SqlStatement("SELECT " + expressions(columns) + " FROM " + Catalog.quote(table.name())
                    + " WHERE 0", List.of());
        }
        List<Object> params = new ArrayList<>();
        StringBuilder values = new StringBuilder();
        for (int i = 0; i < rowids.size(); i++) {
            values.append(i == 0 ? "" : ",").append("(").append(i).append(",?)");
            params.add(rowids.get(i));
        }
        String sql = "WITH picked(ord, id) AS (VALUES " + values + ") SELECT " + expressions(columns, "t.")
                + " FROM " + Catalog.quote(table.name()) + " t JOIN picked ON t.rowid = picked.id ORDER BY picked.ord";
        return new SqlStatement(sql, params);
    }

    SqlStatement rowids(List<Condition> filters, boolean rowsVisible) {
        List<Object> params = new ArrayList<>();
        return new SqlStatement("SELECT rowid FROM " + Catalog.quote(table.name())
                + where(filters, List.of(), rowsVisible, params) + " ORDER BY rowid", params);
    }

    /**
     * One row's INSERT returning its rowid. Columns absent from {@code values} take their DEFAULT.
     * {@code conflict} may add ON CONFLICT ... DO UPDATE / DO NOTHING.
     */
    SqlStatement insert(Map<String, Object> values, Conflict conflict) {
        List<Object> params = new ArrayList<>(values.values());
        String target = Catalog.quote(table.name());
        String sql = values.isEmpty() ? "INSERT INTO " + target + " DEFAULT VALUES"
                : "INSERT INTO " + target + " (" + values.keySet().stream().map(Catalog::quote)
                .collect(Collectors.joining(", ")) + ") VALUES (" + "?, ".repeat(values.size() - 1) + "?)";
        if (conflict != null) {
            sql += " ON CONFLICT (" + conflict.columns().stream().map(c -> Catalog.quote(column(c).name()))
                    .collect(Collectors.joining(", ")) + ")";
            List<String> updates = values.keySet().stream().filter(c -> !conflict.columns().contains(c))
                    .map(c -> Catalog.quote(c) + " = excluded." + Catalog.quote(c)).collect(Collectors.toList());
            if (conflict.merge() && !updates.isEmpty()) {
                touchUpdatedAt(updates, params);
                sql += " DO UPDATE SET " + String.join(", ", updates);
            } else {
                sql += " DO NOTHING";
            }
        }
        return new SqlStatement(sql + " RETURNING rowid", params);
    }

    SqlStatement update(Map<String, Object> values, List<Condition> filters, boolean rowsVisible) {
        List<Object> params = new ArrayList<>();
        List<String> sets = new ArrayList<>();
        values.forEach((name, value) -> {
            if (!isTouchColumn(name)) {
                sets.add(Catalog.quote(name) + " = ?");
                params.add(value);
            }
        });
        touchUpdatedAt(sets, params);
        String sql = "UPDATE " + Catalog.quote(table.name()) + " SET " + String.join(", ", sets)
                + where(filters, List.of(), rowsVisible, params) + " RETURNING rowid";
        return new SqlStatement(sql, params);
    }

    SqlStatement deleteRows(List<Long> rowids) {
        String marks = String.join(", ", Collections.nCopies(rowids.size(), "?"));
        return new SqlStatement("DELETE FROM " + Catalog.quote(table.name()) + " WHERE rowid IN (" + marks + ")",
                new ArrayList<>(rowids));
    }

    /** The server owns updated_at (a trigger in the migrations): every UPDATE stamps the current time. */
    private void touchUpdatedAt(List<String> sets, List<Object> params) {
        table.columns().stream().filter(c -> isTouchColumn(c.name())).findFirst().ifPresent(c -> {
            sets.removeIf(s -> s.startsWith(Catalog.quote(c.name()) + " ="));
            sets.add(Catalog.quote(c.name()) + " = ?");
            params.add(PgTimestamps.format(Instant.now()));
        });
    }

    private boolean isTouchColumn(String name) {
        return name.equals("updated_at") && table.column(name).map(c -> c.type() == ColumnType.TIMESTAMPTZ)
                .orElse(false);
    }

    ColumnInfo column(String name) {
        return table.column(name).orElseThrow(() -> PostgrestException.undefinedColumn(errorName, name));
    }

    static boolean castToText(String cast) {
        if (cast == null) {
            return false;
        }
        if (cast.equals("text")) {
            return true;
        }
        throw PostgrestException.notYetSupported("The cast ::" + cast);
    }

    private static String expressions(List<String> columns) {
        return expressions(columns, "");
    }

    private static String expressions(List<String> columns, String qualifier) {
        if (columns.isEmpty()) {
            return "NULL";
        }
        return columns.stream().map(c -> qualifier + Catalog.quote(c)).collect(Collectors.joining(", "));
    }

    private String where(List<Condition> filters, List<Predicate> predicates, boolean rowsVisible,
                         List<Object> params) {
        List<String> parts = new ArrayList<>();
        if (!rowsVisible) {
            parts.add("0");
        }
        for (Condition condition : filters) {
            parts.add(condition(condition, params));
        }
        for (Predicate predicate : predicates) {
            parts.add(predicate.sql());
            params.addAll(predicate.params());
        }
        return parts.isEmpty() ? "" : " WHERE " + balanced(parts, " AND ");
    }

    /**
     * Joins terms as a balanced tree of parenthesised halves: SQLite's parser nests {@code a OR b OR c ...}
     * one level per term and refuses more than 1000, a balanced tree needs log2(n) levels.
     */
    static String balanced(List<String> terms, String operator) {
        if (terms.size() == 1) {
            return terms.getFirst();
        }
        int middle = terms.size() / 2;
        return "(" + balanced(terms.subList(0, middle), operator) + operator
                + balanced(terms.subList(middle, terms.size()), operator) + ")";
    }

    private String condition(Condition condition, List<Object> params) {
        return switch (condition) {
            case Condition.Comparison c -> negate(c.negated(), comparison(c, params));
            case Condition.Logical l -> negate(l.negated(), "(" + balanced(l.children().stream()
                    .map(child -> condition(child, params)).toList(), l.disjunction() ? " OR " : " AND ") + ")");
        };
    }

    private static String negate(boolean negated, String sql) {
        return negated ? "NOT (" + sql + ")" : sql;
    }

    private String comparison(Condition.Comparison c, List<Object> params) {
        ColumnInfo column = column(c.column());
        String col = Catalog.quote(column.name());
        ColumnType type = column.type();
        return switch (c.operator()) {
            case EQ, NEQ, GT, GTE, LT, LTE -> {
                params.add(type.parseText(c.values().getFirst()));
                yield col + " " + sqlOperator(c.operator()) + " ?";
            }
            case LIKE, ILIKE -> likeCondition(c, column, params);
            case IN -> {
                if (c.values().isEmpty()) {
                    yield "0";
                }
                c.values().forEach(v -> params.add(type.parseText(v)));
                yield col + " IN (" + "?, ".repeat(c.values().size() - 1) + "?)";
            }
            case IS -> switch (c.values().getFirst()) {
                case "null", "unknown" -> col + " IS NULL";
                case "not_null" -> col + " IS NOT NULL";
                case "true" -> col + " IS TRUE";
                default -> col + " IS FALSE";
            };
        };
    }

    private String likeCondition(Condition.Comparison c, ColumnInfo column, List<Object> params) {
        if (column.type() != ColumnType.TEXT) {
            String op = c.operator() == Operator.LIKE ? "~~" : "~~*";
            throw new PostgrestException(404, "42883", "operator does not exist: " + column.type().pgName() + " "
                    + op + " unknown", null, "No operator matches the given name and argument types. "
                    + "You might need to add explicit type casts.");
        }
        String pattern = c.values().getFirst().replace('*', '%');
        if (endsWithLoneEscape(pattern)) {
            throw new DatabaseError("22025", "LIKE pattern must not end with escape character");
        }
        Predicate like = LikeSql.of(Catalog.quote(column.name()), pattern, c.operator() == Operator.ILIKE);
        params.addAll(like.params());
        return like.sql();
    }

    private static boolean endsWithLoneEscape(String pattern) {
        int backslashes = 0;
        for (int i = pattern.length() - 1; i >= 0 && pattern.charAt(i) == '\\'; i--) {
            backslashes++;
        }
        return backslashes % 2 == 1;
    }

    private static String sqlOperator(Operator op) {
        return switch (op) {
            case EQ -> "=";
            case NEQ -> "<>";
            case GT -> ">";
            case GTE -> ">=";
            case LT -> "<";
            case LTE -> "<=";
            default -> throw new IllegalArgumentException(op.name());
        };
    }

    private String orderBy(List<OrderTerm> order, boolean useDefault) {
        if (order.isEmpty()) {
            return useDefault && source.defaultOrder() != null ? " ORDER BY " + source.defaultOrder() : "";
        }
        return " ORDER BY " + order.stream().map(this::orderTerm).collect(Collectors.joining(", "));
    }

    /**
     * NULLS placement only where a column can hold NULL: SQLite walks an index only in its own NULL order
     * (first for ASC), so an explicit NULLS FIRST on DESC would make it sort the whole table for a page.
     */
    private String orderTerm(OrderTerm o) {
        ColumnInfo column = column(o.column());
        String direction = o.descending() ? " DESC" : " ASC";
        if (column.notNull()) {
            return Catalog.quote(column.name()) + direction;
        }
        return Catalog.quote(column.name()) + direction + (o.nullsFirst() ? " NULLS FIRST" : " NULLS LAST");
    }

    /** ON CONFLICT target and action for upserts. */
    record Conflict(List<String> columns, boolean merge) {
    }
}
