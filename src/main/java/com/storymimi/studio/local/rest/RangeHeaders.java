package com.storymimi.studio.local.rest;

import com.storymimi.studio.local.db.DatabaseError;

import java.math.BigInteger;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** PostgREST's Range request header, Content-Range and status rules for reads (RangeQuery.hs / Response.hs). */
final class RangeHeaders {

    private static final Pattern RANGE = Pattern.compile("\\s*(?:items=)?(\\d+)-(\\d*)\\s*");

    private RangeHeaders() {
    }

    private static final BigInteger LONG_MAX = BigInteger.valueOf(Long.MAX_VALUE);

    /**
     * A requested item range; {@code upper} is null for an open range ({@code 10-}). The bounds are unbounded
     * integers as in PostgREST (Haskell's Integer): only where a bound becomes the query's offset must it fit a
     * bigint; a limit past it is simply no limit.
     */
    record Requested(BigInteger lower, BigInteger upper) {
    }

    /** The rows to return: from {@code offset}, at most {@code limit} (null: no limit but db-max-rows). */
    record Window(long offset, Long limit) {
    }

    /** {@code Range: 0-9} or {@code 10-}; anything else is ignored, as PostgREST does. */
    static Optional<Requested> parse(Optional<String> header) {
        return header.map(RANGE::matcher).filter(Matcher::matches).map(m -> new Requested(
                new BigInteger(m.group(1)), m.group(2).isEmpty() ? null : new BigInteger(m.group(2))));
    }

    /**
     * The intersection of limit/offset with the Range header; an empty one is 416 PGRST103, an offset past
     * bigint is Postgres's 22003 (as PostgREST passes it on), a limit past bigint is no limit.
     */
    static Window window(long offset, Optional<Long> limit, Optional<Requested> header) {
        if (header.isEmpty()) {
            return new Window(offset, limit.orElse(null));
        }
        Requested range = header.get();
        if (range.upper() != null && range.lower().compareTo(range.upper()) > 0) {
            throw unsatisfiable("The lower boundary must be lower than or equal to the upper boundary in the Range header.");
        }
        BigInteger start = BigInteger.valueOf(offset);
        BigInteger lower = start.max(range.lower());
        BigInteger upper = limit.map(l -> start.add(BigInteger.valueOf(l)).subtract(BigInteger.ONE)).orElse(null);
        if (range.upper() != null) {
            upper = upper == null ? range.upper() : upper.min(range.upper());
        }
        if (upper != null && upper.compareTo(lower) < 0) {
            throw unsatisfiable("Limit should be greater than or equal to zero.");
        }
        if (lower.compareTo(LONG_MAX) > 0) {
            throw DatabaseError.outOfRange(lower.toString(), "bigint");
        }
        return new Window(lower.longValue(), upper == null ? null
                : upper.subtract(lower).add(BigInteger.ONE).min(LONG_MAX).longValue());
    }

    private static PostgrestException unsatisfiable(String details) {
        return new PostgrestException(416, "PGRST103", "Requested range not satisfiable", details, null);
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
