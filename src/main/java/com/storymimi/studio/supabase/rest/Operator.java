package com.storymimi.studio.supabase.rest;

/** PostgREST comparison operators as they appear on the wire ({@code col=eq.value}). */
public enum Operator {
    EQ("eq"), NEQ("neq"), GT("gt"), GTE("gte"), LT("lt"), LTE("lte"), LIKE("like"), ILIKE("ilike");

    private final String wireName;

    Operator(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }
}
