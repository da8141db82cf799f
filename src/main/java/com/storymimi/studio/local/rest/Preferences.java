package com.storymimi.studio.local.rest;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code Prefer} header (RFC 7240) as PostgREST reads it: comma-separated, several headers allowed,
 * the first value of a repeated key wins, unknown values are ignored. Honoured ones are echoed back in
 * {@code Preference-Applied}.
 */
record Preferences(String returning, String count, String resolution, boolean missingDefault) {

    static Preferences parse(List<String> headers) {
        Map<String, String> values = new LinkedHashMap<>();
        for (String header : headers) {
            for (String part : header.split(",")) {
                String item = part.strip();
                int eq = item.indexOf('=');
                if (eq > 0) {
                    values.putIfAbsent(item.substring(0, eq).strip(), item.substring(eq + 1).strip());
                }
            }
        }
        return new Preferences(
                oneOf(values.get("return"), "minimal", "representation", "headers-only"),
                oneOf(values.get("count"), "exact", "planned", "estimated"),
                oneOf(values.get("resolution"), "merge-duplicates", "ignore-duplicates"),
                "default".equals(values.get("missing")));
    }

    private static String oneOf(String value, String... allowed) {
        return value != null && List.of(allowed).contains(value) ? value : null;
    }

    boolean representation() {
        return "representation".equals(returning);
    }

    boolean headersOnly() {
        return "headers-only".equals(returning);
    }

    /** planned and estimated are exact in the sandbox: its tables are small. */
    boolean wantsCount() {
        return count != null;
    }

    String applied() {
        List<String> applied = new ArrayList<>();
        if (resolution != null) {
            applied.add("resolution=" + resolution);
        }
        if (missingDefault) {
            applied.add("missing=default");
        }
        if (returning != null) {
            applied.add("return=" + returning);
        }
        if (count != null) {
            applied.add("count=" + count);
        }
        return String.join(", ", applied);
    }
}
