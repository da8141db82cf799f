package com.storymimi.studio.service;

import com.storymimi.studio.model.Story;
import com.storymimi.studio.supabase.rest.Filter;
import com.storymimi.studio.supabase.rest.Like;

import java.util.Locale;
import java.util.Optional;

/**
 * A literal, case-insensitive substring search on title or prompt, as typed PostgREST filters.
 *
 * <p>{@code %}, {@code _} and {@code \} are escaped by {@link Like#contains}, and the filter encoder quotes the
 * pattern inside the {@code or=(…)} tree, so no character of the term reaches the filter grammar. The one
 * character PostgREST cannot match literally is {@code *}: it turns every star into {@code %} with no escape. A
 * term with a star is therefore sent with {@code _} (any one character) in its place, which finds every real match
 * plus a few look-alikes, and {@link #matches} removes the look-alikes on the client.
 */
final class StorySearch {

    /** How many candidate rows a star search reads (PostgREST's usual {@code max_rows}). */
    static final int STAR_CANDIDATES = 1000;

    private final String term;

    StorySearch(String term) {
        this.term = term == null ? "" : term.strip();
    }

    boolean isEmpty() {
        return term.isEmpty();
    }

    /** True when the server's answer is a superset that {@link #matches} must narrow down. */
    boolean needsClientCheck() {
        return term.indexOf('*') >= 0;
    }

    /** The filter for the server, empty when the term is empty (everything matches). */
    Optional<Filter> filter() {
        if (term.isEmpty()) {
            return Optional.empty();
        }
        Like pattern = needsClientCheck() ? starAsAnyCharacter(term) : Like.contains(term);
        return Optional.of(Filter.or(Filter.ilike("title", pattern), Filter.ilike("prompt", pattern)));
    }

    /** The exact test for a candidate row. */
    boolean matches(Story story) {
        String needle = fold(term);
        return fold(story.title()).contains(needle) || fold(story.prompt()).contains(needle);
    }

    private static Like starAsAnyCharacter(String term) {
        StringBuilder pattern = new StringBuilder(term.length() + 8).append('%');
        for (int i = 0; i < term.length(); i++) {
            char c = term.charAt(i);
            switch (c) {
                case '\\', '%', '_' -> pattern.append('\\').append(c);
                case '*' -> pattern.append('_');
                default -> pattern.append(c);
            }
        }
        return Like.raw(pattern.append('%').toString());
    }

    private static String fold(String text) {
        return text == null ? "" : text.toLowerCase(Locale.ROOT);
    }
}
