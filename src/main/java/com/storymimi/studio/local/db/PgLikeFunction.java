package com.storymimi.studio.local.db;

import org.sqlite.Function;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.regex.Pattern;

/**
 * Postgres LIKE and ILIKE as an SQL function {@code pg_like(value, pattern, caseInsensitive)}. SQLite's own LIKE
 * folds ASCII only and is case-insensitive by default; Postgres LIKE is case-sensitive and ILIKE folds all of
 * Unicode ('ÄRGER' ILIKE '%ärger%'). Backslash is the escape character, as in Postgres.
 */
final class PgLikeFunction extends Function {

    private String lastPattern;
    private boolean lastInsensitive;
    private Pattern lastCompiled;

    static void register(Connection connection) throws SQLException {
        Function.create(connection, "pg_like", new PgLikeFunction(), 3, Function.FLAG_DETERMINISTIC);
    }

    @Override
    protected void xFunc() throws SQLException {
        String value = value_text(0);
        String pattern = value_text(1);
        if (value == null || pattern == null) {
            result();
            return;
        }
        boolean insensitive = value_int(2) != 0;
        result(compiled(pattern, insensitive).matcher(value).matches() ? 1 : 0);
    }

    private Pattern compiled(String pattern, boolean insensitive) {
        if (!pattern.equals(lastPattern) || insensitive != lastInsensitive) {
            lastCompiled = toRegex(pattern, insensitive);
            lastPattern = pattern;
            lastInsensitive = insensitive;
        }
        return lastCompiled;
    }

    static Pattern toRegex(String like, boolean insensitive) {
        // By code point, not by char: a character outside the BMP (an emoji) is two chars, and quoting its
        // halves separately makes a pattern that never matches it.
        StringBuilder regex = new StringBuilder();
        int[] codePoints = like.codePoints().toArray();
        for (int i = 0; i < codePoints.length; i++) {
            int c = codePoints[i];
            if (c == '\\' && i + 1 < codePoints.length) {
                regex.append(Pattern.quote(Character.toString(codePoints[++i])));
            } else if (c == '%') {
                regex.append(".*");
            } else if (c == '_') {
                regex.append('.');
            } else {
                regex.append(Pattern.quote(Character.toString(c)));
            }
        }
        int flags = Pattern.DOTALL | (insensitive ? Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE : 0);
        return Pattern.compile(regex.toString(), flags);
    }
}
