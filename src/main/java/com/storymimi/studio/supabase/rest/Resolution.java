package com.storymimi.studio.supabase.rest;

/** What an upsert does with a row whose key exists already ({@code Prefer: resolution=…}). */
public enum Resolution {
    /** ON CONFLICT DO UPDATE: the sent columns overwrite the stored row. */
    MERGE("resolution=merge-duplicates"),
    /** ON CONFLICT DO NOTHING: the stored row stays, e.g. for a retried create with a client-made id. */
    IGNORE("resolution=ignore-duplicates");

    private final String preference;

    Resolution(String preference) {
        this.preference = preference;
    }

    String preference() {
        return preference;
    }
}
