package com.storymimi.studio.supabase.http;

import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.StringJoiner;

/** What of a request may be written to a log: header names always, values only of harmless headers. */
final class Redaction {

    private static final Set<String> SECRET_HEADERS = Set.of("apikey", "authorization", "cookie", "set-cookie");

    private Redaction() {
    }

    static String headers(Map<String, String> headers) {
        StringJoiner out = new StringJoiner(", ", "{", "}");
        headers.forEach((name, value) -> out.add(name + ": "
                + (SECRET_HEADERS.contains(name.toLowerCase(Locale.ROOT)) ? "[REDACTED]" : value)));
        return out.toString();
    }
}
