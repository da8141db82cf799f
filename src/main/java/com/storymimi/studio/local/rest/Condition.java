package com.storymimi.studio.local.rest;

import java.util.List;

/** A filter: one comparison on a column, or an and/or tree of conditions (from {@code or=(...)}). */
public sealed interface Condition {

    /**
     * {@code column=[not.]op.value}. {@code values} holds one raw value for scalar operators, the elements
     * for {@code in}, and the keyword (null, not_null, true, false, unknown) for {@code is}.
     */
    record Comparison(String column, Operator operator, boolean negated, List<String> values) implements Condition {
        public Comparison {
            values = List.copyOf(values);
        }
    }

    record Logical(boolean disjunction, boolean negated, List<Condition> children) implements Condition {
        public Logical {
            children = List.copyOf(children);
        }
    }
}
