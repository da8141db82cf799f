package com.storymimi.studio.local.rest;

/** PostgREST's Content-Range and status rules for reads (RangeQuery.hs / Response.hs). */
final class RangeHeaders {

    private RangeHeaders() {
    }

    /** {@code lower-upper/total}, {@code *} for an empty range or a total of 0, {@code *} total when not counted. */
    static String contentRange(long lower, long rows, Long total) {
        long upper = lower + rows - 1;
        boolean totalNotZero = total == null || total != 0;
        String range = totalNotZero && lower <= upper ? lower + "-" + upper : "*";
        return range + "/" + (total == null ? "*" : total.toString());
    }

    /** 200 without a count; with one, 416 past the end, 206 for a partial page, else 200. */
    static int readStatus(long lower, long rows, Long total) {
        if (total == null) {
            return 200;
        }
        if (lower > total) {
            return 416;
        }
        return rows < total ? 206 : 200;
    }
}
