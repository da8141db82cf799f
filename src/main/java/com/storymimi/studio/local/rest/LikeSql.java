package com.storymimi.studio.local.rest;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Postgres {@code LIKE}/{@code ILIKE} (backslash escapes, {@code %} and {@code _}) as an SQLite predicate that
 * stays exact but calls the Java {@code pg_like} function (~0.5 µs a row) only where SQLite's own LIKE, written
 * in C, cannot decide. SQLite's LIKE with {@code ESCAPE '\'} reads {@code %}, {@code _} and backslash escapes as
 * Postgres does, but folds case for ASCII letters only (with {@code case_sensitive_like} off, which the database
 * sets). So:
 * <ul>
 *   <li>ILIKE, ASCII pattern, ASCII text: SQLite's LIKE is exactly ILIKE. Only text holding a non-ASCII
 *       character ({@code length <> octet_length}, which also catches an embedded NUL) can match in a way
 *       SQLite misses ('K', the Kelvin sign, folds to 'k'), so only that text is rechecked.</li>
 *   <li>ILIKE, non-ASCII pattern: with each non-ASCII pattern character turned into {@code _} (Java's Unicode
 *       case folding maps one character to one), SQLite's LIKE keeps a superset of the matches among ASCII
 *       text; {@code pg_like} then decides for those candidates and for every non-ASCII text.</li>
 *   <li>LIKE (case-sensitive): SQLite's LIKE on the same relaxed pattern keeps a superset of the matches of
 *       any text, and {@code pg_like} decides for the candidates only.</li>
 * </ul>
 * NULL text gives NULL, as {@code pg_like} does, so {@code NOT} keeps working.
 */
final class LikeSql {

    /** SQLite refuses longer LIKE patterns (SQLITE_MAX_LIKE_PATTERN_LENGTH); Postgres does not. */
    private static final int SQLITE_MAX_PATTERN_BYTES = 50_000;

    private LikeSql() {
    }

    /** @param column a quoted column; {@code pattern} must not end with a lone backslash (checked by the caller) */
    static SqlBuilder.Predicate of(String column, String pattern, boolean caseInsensitive) {
        String exact = "pg_like(" + column + ", ?, " + (caseInsensitive ? 1 : 0) + ")";
        if (pattern.getBytes(StandardCharsets.UTF_8).length > SQLITE_MAX_PATTERN_BYTES) {
            return new SqlBuilder.Predicate(exact, List.of(pattern));
        }
        String sqliteLike = column + " LIKE ? ESCAPE '\\'";
        String hasNonAscii = "length(" + column + ") <> octet_length(" + column + ")";
        String relaxed = asciiOnly(pattern);
        if (!caseInsensitive) {
            return new SqlBuilder.Predicate("(" + sqliteLike + " AND " + exact + ")", List.of(relaxed, pattern));
        }
        if (relaxed.equals(pattern)) {
            return new SqlBuilder.Predicate("(" + sqliteLike + " OR (" + hasNonAscii + " AND " + exact + "))",
                    List.of(pattern, pattern));
        }
        return new SqlBuilder.Predicate("((" + sqliteLike + " OR " + hasNonAscii + ") AND " + exact + ")",
                List.of(relaxed, pattern));
    }

    /** The pattern with every non-ASCII character (escaped or not) replaced by {@code _}, "any one character". */
    static String asciiOnly(String pattern) {
        StringBuilder out = new StringBuilder(pattern.length());
        int i = 0;
        while (i < pattern.length()) {
            int c = pattern.codePointAt(i);
            if (c == '\\' && i + 1 < pattern.length()) {
                int escaped = pattern.codePointAt(i + 1);
                if (escaped < 0x80) {
                    out.append('\\').append((char) escaped);
                } else {
                    out.append('_');
                }
                i += 1 + Character.charCount(escaped);
            } else {
                out.append(c < 0x80 ? String.valueOf((char) c) : "_");
                i += Character.charCount(c);
            }
        }
        return out.toString();
    }
}
