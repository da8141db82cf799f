package com.storymimi.studio.local.db;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Postgres LIKE/ILIKE semantics of the sandbox's pg_like function, character by character. */
class PgLikeFunctionTest {

    private static boolean ilike(String value, String pattern) {
        return PgLikeFunction.toRegex(pattern, true).matcher(value).matches();
    }

    private static boolean like(String value, String pattern) {
        return PgLikeFunction.toRegex(pattern, false).matcher(value).matches();
    }

    @Test
    void charactersOutsideTheBasicPlaneMatchAsOneCharacter() {
        assertTrue(ilike("the 🦉 sleeps", "%🦉%"));
        assertTrue(ilike("🦉", "_"), "_ is one character, even when it takes two UTF-16 units");
        assertFalse(ilike("🦉", "__"));
        assertTrue(like("a🦉b", "a\\🦉b"), "an escaped emoji is the emoji itself");
    }

    @Test
    void ilikeFoldsUnicodeAndLikeDoesNot() {
        assertTrue(ilike("ÄRGER im Wald", "%ärger%"));
        assertFalse(like("ÄRGER im Wald", "%ärger%"));
    }

    @Test
    void backslashEscapesTheWildcards() {
        assertTrue(like("100% sure", "100\\% sure"));
        assertFalse(like("100 percent sure", "100\\%%"));
        assertTrue(like("a_b", "a\\_b"));
        assertFalse(like("axb", "a\\_b"));
        assertTrue(like("a\\b", "a\\\\b"));
    }
}
