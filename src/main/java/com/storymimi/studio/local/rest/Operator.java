package com.storymimi.studio.local.rest;

import java.util.Optional;

/** The filter operators the sandbox executes. */
public enum Operator {
    EQ("eq"), NEQ("neq"), GT("gt"), GTE("gte"), LT("lt"), LTE("lte"),
    LIKE("like"), ILIKE("ilike"), IN("in"), IS("is");

    private final String token;

    Operator(String token) {
        this.token = token;
    }

    public String token() {
        return token;
    }

    public static Optional<Operator> fromToken(String token) {
        for (Operator op : values()) {
            if (op.token.equals(token)) {
                return Optional.of(op);
            }
        }
        return Optional.empty();
    }
}
