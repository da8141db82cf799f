package com.storymimi.studio.supabase.rest;

import com.storymimi.studio.supabase.http.QueryString;
import org.junit.jupiter.api.Test;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What PostgREST reads after decoding the query: each case encodes a filter as it goes on the wire, decodes
 * it as the server does ({@link URLDecoder}) and compares with the exact text of protocol doc A2/E2.
 */
class FilterEncoderTest {

    private static final String HOSTILE = "a,b(c).d\"e\\f%g*h_i&j#k+l=m n ü😀";

    private enum Status { COMPLETED }

    /** The filter as one encoded query parameter. */
    private static String wire(Filter filter) {
        QueryString.Param param = FilterEncoder.param(filter);
        return QueryString.empty().with(param.key(), param.value()).encoded();
    }

    /** What the server sees after decoding the whole query string once. */
    private static String serverText(Filter filter) {
        String encoded = wire(filter);
        assertSplitsIntoOneParameter(encoded);
        return URLDecoder.decode(encoded, StandardCharsets.UTF_8);
    }

    private static void assertSplitsIntoOneParameter(String encoded) {
        assertFalse(encoded.contains("&"), "an & would end the parameter: " + encoded);
        assertFalse(encoded.contains("#"), "a # would end the URL: " + encoded);
        assertFalse(encoded.contains("+"), "a + would decode to a space: " + encoded);
        assertFalse(encoded.contains(" "), "a raw space is not a valid URL: " + encoded);
        assertEquals(1, encoded.chars().filter(c -> c == '=').count(), "only the key separator is a raw '='");
    }

    @Test
    void topLevelValueIsSentVerbatimWhateverItContains() {
        // given a value with every character that matters to URLs or to the PostgREST grammar
        Filter filter = Filter.eq("title", HOSTILE);

        // then PostgREST receives it unchanged: top-level values run to the end of the parameter
        assertEquals("title=eq." + HOSTILE, serverText(filter));
        assertTrue(wire(filter).endsWith("l%3Dm%20n%20%C3%BC%F0%9F%98%80"), wire(filter));
    }

    @Test
    void inListQuotesEveryStringElementAndEscapesQuoteAndBackslash() {
        Filter filter = Filter.in("title", List.of("a,b", "c)d", "e\"f", "g\\h", "plain", HOSTILE));

        assertEquals("title=in.(\"a,b\",\"c)d\",\"e\\\"f\",\"g\\\\h\",\"plain\","
                + "\"a,b(c).d\\\"e\\\\f%g*h_i&j#k+l=m n ü😀\")", serverText(filter));
    }

    @Test
    void inListLeavesNumbersBareAndQuotesUuids() {
        UUID id = UUID.fromString("8f14e45f-ceea-467a-9f3a-1b2c3d4e5f60");

        assertEquals("sequence=in.(1,2,3)", serverText(Filter.in("sequence", List.of(1, 2, 3))));
        assertEquals("story_id=in.(\"" + id + "\")", serverText(Filter.in("story_id", List.of(id))));
    }

    @Test
    void emptyInListCompilesToEmptyListThatMatchesNothing() {
        assertEquals("story_id=in.()", serverText(Filter.in("story_id", List.of())));
    }

    @Test
    void searchOverTwoColumnsMatchesTheProtocolDocRecipe() {
        // given the term of protocol doc E2
        Like pattern = Like.contains("a%b");

        Filter filter = Filter.or(Filter.ilike("title", pattern), Filter.ilike("prompt", pattern));

        // then: LIKE escape, then PostgREST quoting doubling the backslash
        assertEquals("or=(title.ilike.\"%a\\\\%b%\",prompt.ilike.\"%a\\\\%b%\")", serverText(filter));
    }

    @Test
    void commaInSearchTermCannotInjectAnotherCondition() {
        Like pattern = Like.contains("x,id.gt.0,title.ilike.");

        String text = serverText(Filter.or(Filter.ilike("title", pattern), Filter.ilike("prompt", pattern)));

        assertEquals("or=(title.ilike.\"%x,id.gt.0,title.ilike.%\",prompt.ilike.\"%x,id.gt.0,title.ilike.%\")", text);
    }

    @Test
    void hostileValueInsideTreeIsOneQuotedElement() {
        String text = serverText(Filter.or(Filter.eq("title", HOSTILE), Filter.eq("sequence", 3)));

        assertEquals("or=(title.eq.\"a,b(c).d\\\"e\\\\f%g*h_i&j#k+l=m n ü😀\",sequence.eq.3)", text);
    }

    @Test
    void treesNestAndNegate() {
        Filter filter = Filter.or(
                Filter.eq("a", 1),
                Filter.and(Filter.gt("b", 0), Filter.lt("b", 9)),
                Filter.not(Filter.and(Filter.isNull("c"), Filter.eq("d", "x"))),
                Filter.not(Filter.eq("e", "y")),
                Filter.isNotNull("f"),
                Filter.in("g", List.of("h")));

        assertEquals("or=(a.eq.1,and(b.gt.0,b.lt.9),not.and(c.is.null,d.eq.\"x\"),e.not.eq.\"y\","
                + "f.not.is.null,g.in.(\"h\"))", serverText(filter));
    }

    @Test
    void topLevelNegations() {
        assertEquals("status=not.eq.COMPLETED", serverText(Filter.not(Filter.eq("status", Status.COMPLETED))));
        assertEquals("image_url=not.is.null", serverText(Filter.isNotNull("image_url")));
        assertEquals("image_url=is.null", serverText(Filter.isNull("image_url")));
        assertEquals("sequence=not.in.(1,2)", serverText(Filter.not(Filter.in("sequence", List.of(1, 2)))));
        assertEquals("not.or=(a.eq.1,b.eq.2)",
                serverText(Filter.not(Filter.or(Filter.eq("a", 1), Filter.eq("b", 2)))));
        assertEquals("a=eq.1", serverText(Filter.not(Filter.not(Filter.eq("a", 1)))));
    }

    @Test
    void topLevelLikeKeepsSingleLevelOfLikeEscapes() {
        // * is dropped (PostgREST cannot escape it), % _ \ are escaped for LIKE
        assertEquals("title=ilike.%50\\%\\_off\\\\%", serverText(Filter.ilike("title", Like.contains("50%_o*ff\\"))));
        assertEquals("title=like.ab%", serverText(Filter.like("title", Like.startsWith("ab"))));
        assertEquals("title=ilike.%ab", serverText(Filter.ilike("title", Like.endsWith("ab"))));
        assertEquals("title=ilike.a\\_b", serverText(Filter.ilike("title", Like.exactly("a_b"))));
    }

    @Test
    void comparisonOperatorsAndTypedValues() {
        UUID id = UUID.fromString("8f14e45f-ceea-467a-9f3a-1b2c3d4e5f60");
        assertEquals("user_id=eq." + id, serverText(Filter.eq("user_id", id)));
        assertEquals("title=neq.x", serverText(Filter.neq("title", "x")));
        assertEquals("sequence=gte.2", serverText(Filter.gte("sequence", 2)));
        assertEquals("sequence=lte.9", serverText(Filter.lte("sequence", 9L)));
        assertEquals("created_at=gt.2026-01-01T00:00:00Z",
                serverText(Filter.gt("created_at", Instant.parse("2026-01-01T00:00:00Z"))));
    }

    @Test
    void offsetPlusSignIsEncodedSoItDoesNotBecomeASpace() {
        Filter filter = Filter.lt("created_at", OffsetDateTime.parse("2026-01-01T10:00:00+02:00"));

        assertEquals("created_at=lt.2026-01-01T10%3A00%2B02%3A00", wire(filter));
        assertEquals("created_at=lt.2026-01-01T10:00+02:00", serverText(filter));
    }

    @Test
    void rejectsWhatCannotBeSentSafely() {
        assertThrows(IllegalArgumentException.class, () -> Filter.eq("title,id", 1));
        assertThrows(IllegalArgumentException.class, () -> Filter.eq("title", null));
        assertThrows(IllegalArgumentException.class, () -> Filter.eq("title", new Object()));
        assertThrows(IllegalArgumentException.class, () -> Filter.in("title", java.util.Arrays.asList("a", null)));
        assertThrows(IllegalArgumentException.class, Filter::or);
    }

    @Test
    void jsonPathColumnsAreAllowed() {
        assertEquals("data->>lang=eq.fr", serverText(Filter.eq("data->>lang", "fr")));
    }
}
