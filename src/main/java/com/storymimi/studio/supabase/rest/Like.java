package com.storymimi.studio.supabase.rest;

import java.util.Objects;

/**
 * A LIKE/ILIKE pattern for {@link Filter#like} and {@link Filter#ilike}. The factories escape the term so that
 * it matches literally: {@code \} → {@code \\}, {@code %} → {@code \%}, {@code _} → {@code \_}. A {@code *}
 * in a term is <b>dropped</b>: PostgREST turns every {@code *} into {@code %} with no way to escape it, so a
 * literal star cannot be matched, and a search for {@code foo*} meaning "starts with foo" still finds it.
 *
 * @param pattern the pattern as PostgREST receives it after its own quoting is removed
 */
public record Like(String pattern) {

    public Like {
        Objects.requireNonNull(pattern, "pattern");
    }

    /** Matches values containing {@code term} anywhere. */
    public static Like contains(String term) {
        return new Like("%" + escape(term) + "%");
    }

    public static Like startsWith(String term) {
        return new Like(escape(term) + "%");
    }

    public static Like endsWith(String term) {
        return new Like("%" + escape(term));
    }

    /** Matches {@code term} exactly (case-insensitively with ilike). */
    public static Like exactly(String term) {
        return new Like(escape(term));
    }

    /** A pattern written by the caller, with {@code %}/{@code *} and {@code _} as wildcards. Not for user input. */
    public static Like raw(String pattern) {
        return new Like(pattern);
    }

    private static String escape(String term) {
        Objects.requireNonNull(term, "term");
        StringBuilder out = new StringBuilder(term.length() + 8);
        for (int i = 0; i < term.length(); i++) {
            char c = term.charAt(i);
            switch (c) {
                case '\\', '%', '_' -> out.append('\\').append(c);
                case '*' -> { }
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
