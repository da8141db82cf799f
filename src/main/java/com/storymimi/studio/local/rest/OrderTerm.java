package com.storymimi.studio.local.rest;

/** One {@code order=} term. NULLS placement defaults as in Postgres: last for asc, first for desc. */
public record OrderTerm(String column, boolean descending, Nulls nulls) {

    public enum Nulls { DEFAULT, FIRST, LAST }

    public boolean nullsFirst() {
        return nulls == Nulls.DEFAULT ? descending : nulls == Nulls.FIRST;
    }
}
