package com.storymimi.studio.supabase.rest;

/** One sort key: {@code Order.desc("created_at").nullsLast()} → {@code created_at.desc.nullslast}. */
public record Order(String column, boolean ascending, Nulls nulls) {

    public enum Nulls {
        /** Postgres' default: NULLS LAST for ascending, NULLS FIRST for descending. */
        DEFAULT, FIRST, LAST
    }

    public Order {
        FilterEncoder.requireColumn(column);
        if (nulls == null) {
            nulls = Nulls.DEFAULT;
        }
    }

    public static Order asc(String column) {
        return new Order(column, true, Nulls.DEFAULT);
    }

    public static Order desc(String column) {
        return new Order(column, false, Nulls.DEFAULT);
    }

    public Order nullsFirst() {
        return new Order(column, ascending, Nulls.FIRST);
    }

    public Order nullsLast() {
        return new Order(column, ascending, Nulls.LAST);
    }

    /** The wire text of this key. */
    String toParam() {
        String direction = column + (ascending ? ".asc" : ".desc");
        return switch (nulls) {
            case DEFAULT -> direction;
            case FIRST -> direction + ".nullsfirst";
            case LAST -> direction + ".nullslast";
        };
    }
}
