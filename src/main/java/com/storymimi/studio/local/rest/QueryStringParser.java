package com.storymimi.studio.local.rest;

import com.storymimi.studio.local.db.DatabaseError;
import com.storymimi.studio.local.http.QueryParam;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Turns decoded query parameters into a {@link QueryAst}. Reserved keys are select, columns, on_conflict,
 * order, limit, offset, and, or (optionally prefixed by an embed path, e.g. scenes.order); every other key is
 * a filter {@code column=op.value}, and repeated filters are ANDed.
 */
public final class QueryStringParser {

    private static final Pattern DIGITS = Pattern.compile("\\d+");
    private static final Set<String> MODIFIERS = Set.of("order", "limit", "offset", "and", "or");

    private QueryStringParser() {
    }

    public static QueryAst parse(List<QueryParam> params) {
        List<SelectItem> select = List.of(new SelectItem.Star());
        List<Condition> filters = new ArrayList<>();
        List<OrderTerm> order = List.of();
        Optional<Long> limit = Optional.empty();
        long offset = 0;
        Optional<List<String>> columns = Optional.empty();
        List<String> onConflict = List.of();
        List<QueryParam> embedParams = new ArrayList<>();
        for (QueryParam param : params) {
            String key = param.key();
            String value = param.value();
            String last = key.substring(key.lastIndexOf('.') + 1);
            boolean embedScoped = key.contains(".") && !key.startsWith("not.") && MODIFIERS.contains(last);
            if (embedScoped) {
                embedParams.add(param);
                continue;
            }
            switch (key) {
                case "select" -> select = SelectParser.parse(value);
                case "columns" -> columns = Optional.of(identifierList(value));
                case "on_conflict" -> onConflict = identifierList(value);
                case "order" -> order = parseOrder(value);
                case "limit" -> limit = Optional.of(limit(value));
                case "offset" -> offset = offset(value);
                case "or", "and" -> filters.add(FilterParser.logic(key.equals("or"), false, value));
                case "not.or", "not.and" -> filters.add(FilterParser.logic(key.equals("not.or"), true, value));
                default -> {
                    if (key.contains(".") && !key.startsWith("\"")) {
                        embedParams.add(param);
                    } else {
                        filters.add(FilterParser.comparison(FilterParser.unquoteIdentifier(key), value));
                    }
                }
            }
        }
        return new QueryAst(select, filters, order, limit, offset, columns, onConflict, embedParams);
    }

    static List<OrderTerm> parseOrder(String value) {
        List<OrderTerm> terms = new ArrayList<>();
        for (String raw : SelectParser.splitTopLevel(value)) {
            String[] parts = raw.strip().split("\\.");
            if (parts.length == 0 || parts[0].isEmpty() || parts.length > 3 || parts[0].contains("(")) {
                throw orderFailure(value);
            }
            boolean descending = false;
            OrderTerm.Nulls nulls = OrderTerm.Nulls.DEFAULT;
            for (int i = 1; i < parts.length; i++) {
                switch (parts[i]) {
                    case "asc" -> descending = false;
                    case "desc" -> descending = true;
                    case "nullsfirst" -> nulls = OrderTerm.Nulls.FIRST;
                    case "nullslast" -> nulls = OrderTerm.Nulls.LAST;
                    default -> throw orderFailure(value);
                }
            }
            terms.add(new OrderTerm(FilterParser.unquoteIdentifier(parts[0]), descending, nulls));
        }
        return terms;
    }

    private static List<String> identifierList(String value) {
        return SelectParser.splitTopLevel(value).stream().map(FilterParser::unquoteIdentifier).toList();
    }

    /** A limit past bigint is no limit at all, as on PostgREST. */
    static long limit(String value) {
        return nonNegative("limit", value).min(BigInteger.valueOf(Long.MAX_VALUE)).longValue();
    }

    /** An offset past bigint is Postgres's 22003, as PostgREST passes it on. */
    static long offset(String value) {
        BigInteger offset = nonNegative("offset", value);
        if (offset.bitLength() > 63) {
            throw DatabaseError.outOfRange(value.strip(), "bigint");
        }
        return offset.longValue();
    }

    private static BigInteger nonNegative(String name, String value) {
        if (DIGITS.matcher(value.strip()).matches()) {
            return new BigInteger(value.strip());
        }
        throw PostgrestException.parseError("\"failed to parse " + name + " parameter (" + value + ")\" (line 1, column 1)",
                "unexpected \"" + value + "\" expecting a non-negative integer");
    }

    private static PostgrestException orderFailure(String value) {
        return PostgrestException.parseError("\"failed to parse order (" + value + ")\" (line 1, column 1)",
                "unexpected input expecting \"asc\", \"desc\", \"nullsfirst\" or \"nullslast\"");
    }
}
