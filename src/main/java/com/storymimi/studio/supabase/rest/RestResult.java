package com.storymimi.studio.supabase.rest;

import java.util.OptionalLong;

/**
 * A decoded PostgREST response.
 *
 * @param body   the decoded rows (an empty list for {@code head()} queries)
 * @param total  the row count from {@code Content-Range} ({@code 0-24/137} → 137); empty unless a
 *               {@link Count} was asked for ({@code …/*})
 * @param status the HTTP status: 200, or 206 when the page holds fewer rows than the total
 */
public record RestResult<T>(T body, OptionalLong total, int status) {

    /** Reads the total of a {@code Content-Range} value such as {@code 0-24/137}, {@code *}{@code /0} or {@code 0-9/*}. */
    static OptionalLong totalFromContentRange(String contentRange) {
        if (contentRange == null) {
            return OptionalLong.empty();
        }
        int slash = contentRange.lastIndexOf('/');
        if (slash < 0) {
            return OptionalLong.empty();
        }
        try {
            return OptionalLong.of(Long.parseLong(contentRange.substring(slash + 1).trim()));
        } catch (NumberFormatException unknownTotal) {
            return OptionalLong.empty();
        }
    }
}
