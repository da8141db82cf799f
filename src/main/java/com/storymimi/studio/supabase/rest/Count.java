package com.storymimi.studio.supabase.rest;

/** How PostgREST counts the rows a query matches ({@code Prefer: count=…}); the total lands in Content-Range. */
public enum Count {
    EXACT("exact"), PLANNED("planned"), ESTIMATED("estimated");

    private final String preference;

    Count(String wireName) {
        this.preference = "count=" + wireName;
    }

    String preference() {
        return preference;
    }
}
