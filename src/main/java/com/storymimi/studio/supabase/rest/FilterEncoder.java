package com.storymimi.studio.supabase.rest;

import com.storymimi.studio.supabase.http.QueryString;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Locale;
import java.util.Objects;
import java.util.StringJoiner;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The one place where filters become PostgREST query text (protocol doc A2 "Value quoting", E1, E2).
 * It produces <em>decoded</em> parameters; {@link QueryString} percent-encodes them on the way out.
 * <ul>
 *   <li>A top-level value is verbatim: PostgREST reads it to the end of the parameter.</li>
 *   <li>Inside {@code in.(…)} and {@code or/and} trees an element ends at {@code ,} or {@code )}, so every
 *       element that is not a number or boolean is wrapped in {@code "…"} with {@code \} and {@code "}
 *       backslash-escaped.</li>
 * </ul>
 */
public final class FilterEncoder {

    private static final Pattern COLUMN = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*(->>?[A-Za-z0-9_]+)*");

    private FilterEncoder() {
    }

    /** The query parameter for a top-level filter, e.g. {@code (title, ilike.%a\%b%)} or {@code (or, (…))}. */
    public static QueryString.Param param(Filter filter) {
        return switch (filter) {
            case Filter.Comparison(String column, Operator op, Object value) ->
                    new QueryString.Param(column, op.wireName() + "." + text(value));
            case Filter.In in -> new QueryString.Param(in.column(), "in." + list(in));
            case Filter.IsNull(String column) -> new QueryString.Param(column, "is.null");
            case Filter.Group group -> new QueryString.Param(logicName(group), groupBody(group));
            case Filter.Not(Filter.Group group) -> new QueryString.Param("not." + logicName(group), groupBody(group));
            case Filter.Not(Filter inner) -> {
                QueryString.Param positive = param(inner);
                yield new QueryString.Param(positive.key(), "not." + positive.value());
            }
        };
    }

    /** One element of an {@code or}/{@code and} tree, e.g. {@code title.ilike."%a\\%b%"}. */
    static String treeElement(Filter filter) {
        return switch (filter) {
            case Filter.Comparison(String column, Operator op, Object value) ->
                    column + "." + op.wireName() + "." + listElement(value);
            case Filter.In in -> in.column() + ".in." + list(in);
            case Filter.IsNull(String column) -> column + ".is.null";
            case Filter.Group group -> logicName(group) + groupBody(group);
            case Filter.Not(Filter.Group group) -> "not." + logicName(group) + groupBody(group);
            case Filter.Not(Filter inner) -> {
                String positive = treeElement(inner);
                int afterColumn = positive.indexOf('.');
                yield positive.substring(0, afterColumn) + ".not" + positive.substring(afterColumn);
            }
        };
    }

    /** {@code "value"} with {@code \} and {@code "} escaped, or a bare number/boolean. */
    static String listElement(Object value) {
        if (value instanceof Number || value instanceof Boolean) {
            return text(value);
        }
        String text = text(value);
        StringBuilder out = new StringBuilder(text.length() + 2).append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\\' || c == '"') {
                out.append('\\');
            }
            out.append(c);
        }
        return out.append('"').toString();
    }

    /** The text of a filter value as Postgres should parse it. */
    static String text(Object value) {
        return switch (value) {
            case CharSequence chars -> chars.toString();
            case BigDecimal decimal -> decimal.toPlainString();
            case Number number -> number.toString();
            case Boolean bool -> bool.toString();
            case UUID uuid -> uuid.toString();
            case Enum<?> constant -> constant.name();
            case Instant instant -> instant.toString();
            case OffsetDateTime timestamp -> timestamp.toString();
            case LocalDate date -> date.toString();
            default -> throw new IllegalArgumentException("Unsupported filter value type: " + value.getClass().getName());
        };
    }

    static void requireValue(Object value) {
        if (value == null) {
            throw new IllegalArgumentException("A filter value must not be null: use Filter.isNull(column)");
        }
        text(value); // fails early for an unsupported type
    }

    /** Column names are identifiers, optionally with a JSON path ({@code data->>lang}); nothing to quote. */
    static String requireColumn(String column) {
        Objects.requireNonNull(column, "column");
        if (!COLUMN.matcher(column).matches()) {
            throw new IllegalArgumentException("Not a column name: " + column);
        }
        return column;
    }

    private static String list(Filter.In in) {
        StringJoiner out = new StringJoiner(",", "(", ")");
        in.values().forEach(value -> out.add(listElement(value)));
        return out.toString();
    }

    private static String groupBody(Filter.Group group) {
        StringJoiner out = new StringJoiner(",", "(", ")");
        group.filters().forEach(member -> out.add(treeElement(member)));
        return out.toString();
    }

    private static String logicName(Filter.Group group) {
        return group.logic().name().toLowerCase(Locale.ROOT);
    }
}
