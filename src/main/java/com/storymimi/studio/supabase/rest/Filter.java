package com.storymimi.studio.supabase.rest;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;

/**
 * A typed PostgREST row filter. Values are kept as objects and turned into wire text only by
 * {@link FilterEncoder}, which quotes and escapes them; nothing here concatenates strings.
 * Supported values: strings, numbers, booleans, UUIDs, enums (by name), {@code Instant},
 * {@code OffsetDateTime} and {@code LocalDate}.
 */
public sealed interface Filter {

    /** {@code column op value}, e.g. {@code created_at=gte.2026-01-01T00:00:00Z}. */
    record Comparison(String column, Operator operator, Object value) implements Filter {
        public Comparison {
            FilterEncoder.requireColumn(column);
            Objects.requireNonNull(operator, "operator");
            FilterEncoder.requireValue(value);
        }
    }

    /** {@code column=in.(a,b)}; an empty list compiles to {@code in.()}, which matches no row. */
    record In(String column, List<Object> values) implements Filter {
        public In {
            FilterEncoder.requireColumn(column);
            values.forEach(FilterEncoder::requireValue); // before copying: List.copyOf rejects nulls less clearly
            values = List.copyOf(values);
        }
    }

    /** {@code column=is.null}. */
    record IsNull(String column) implements Filter {
        public IsNull {
            FilterEncoder.requireColumn(column);
        }
    }

    /** The negation of another filter ({@code not.eq.x}, {@code not.or=(…)}). */
    record Not(Filter filter) implements Filter {
        public Not {
            Objects.requireNonNull(filter, "filter");
        }
    }

    /** {@code or=(…)} / {@code and=(…)} over one or more filters, nestable. */
    record Group(Logic logic, List<Filter> filters) implements Filter {
        public Group {
            Objects.requireNonNull(logic, "logic");
            filters = List.copyOf(filters);
            if (filters.isEmpty()) {
                throw new IllegalArgumentException(logic + " needs at least one filter");
            }
        }
    }

    enum Logic {
        AND, OR
    }

    static Filter eq(String column, Object value) {
        return new Comparison(column, Operator.EQ, value);
    }

    static Filter neq(String column, Object value) {
        return new Comparison(column, Operator.NEQ, value);
    }

    static Filter gt(String column, Object value) {
        return new Comparison(column, Operator.GT, value);
    }

    static Filter gte(String column, Object value) {
        return new Comparison(column, Operator.GTE, value);
    }

    static Filter lt(String column, Object value) {
        return new Comparison(column, Operator.LT, value);
    }

    static Filter lte(String column, Object value) {
        return new Comparison(column, Operator.LTE, value);
    }

    static Filter like(String column, Like pattern) {
        return new Comparison(column, Operator.LIKE, pattern.pattern());
    }

    static Filter ilike(String column, Like pattern) {
        return new Comparison(column, Operator.ILIKE, pattern.pattern());
    }

    /** Rows whose column is one of {@code values}; an empty collection matches nothing (sent as {@code in.()}). */
    static Filter in(String column, Collection<?> values) {
        return new In(column, new ArrayList<>(values));
    }

    static Filter isNull(String column) {
        return new IsNull(column);
    }

    static Filter isNotNull(String column) {
        return new Not(new IsNull(column));
    }

    /** Negation; {@code not(not(f))} is {@code f}, because PostgREST has no double negation. */
    static Filter not(Filter filter) {
        return filter instanceof Not(Filter inner) ? inner : new Not(filter);
    }

    static Filter or(Filter... filters) {
        return new Group(Logic.OR, List.of(filters));
    }

    static Filter and(Filter... filters) {
        return new Group(Logic.AND, List.of(filters));
    }
}
