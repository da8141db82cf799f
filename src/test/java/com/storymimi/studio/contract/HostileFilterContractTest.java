package com.storymimi.studio.contract;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import static com.storymimi.studio.contract.Check.column;
import static com.storymimi.studio.contract.Check.enc;
import static com.storymimi.studio.contract.Check.error;
import static com.storymimi.studio.contract.Check.status;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Filter values full of PostgREST and URL syntax ({@code , ( ) " \ % * _ & # +}) and Unicode, percent-encoded
 * and, inside {@code in.(...)} and {@code or=(...)}, PostgREST-quoted as supabase-protocol.md A2/E2 says:
 * both backends must find exactly the same rows.
 */
class HostileFilterContractTest {

    static final List<String> HOSTILE = List.of("a,b", "(paren)", "close)", "say \"hi\"", "back\\slash", "100% sure",
            "star*", "snake_case", "R&D", "#1", "1+1", "Ärger über Öl", "日本語 ✓", "trail\\");

    /** One story per hostile title, each prefixed with the tag so that only this case's rows can match. */
    private static Scratch hostile(Backend b) {
        Scratch s = new Scratch(b);
        for (String title : HOSTILE) {
            s.story(s.tag + " " + title, "PENDING", null, "2026-01-01T00:00:00Z");
        }
        return s;
    }

    /** A PostgREST list/tree element in double quotes: backslash and quote escaped. */
    static String quoted(String value) {
        return "\"" + value.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    /** LIKE-escaped so that % _ \ match themselves (a * still becomes %, PostgREST has no escape for it). */
    static String likeLiteral(String value) {
        return value.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    private static List<String> titles(Backend b, Scratch s, String query) {
        HttpResponse<String> response = b.send(b.editor(), "GET", "/stories?select=title&order=title&prompt=eq." + s.tag
                + "&" + query, null);
        status(200, response);
        return column(response, "title").stream().map(t -> t.substring(s.tag.length() + 1)).toList();
    }

    @ContractTest
    void eqMatchesEachHostileValueVerbatim(Backends.Lazy backend) {
        Backend b = backend.get();
        try (Scratch s = hostile(b)) {
            for (String title : HOSTILE) {
                assertEquals(List.of(title), titles(b, s, "title=eq." + enc(s.tag + " " + title)), title);
            }
        }
    }

    @ContractTest
    void inListWithQuotedElements(Backends.Lazy backend) {
        Backend b = backend.get();
        try (Scratch s = hostile(b)) {
            String list = HOSTILE.stream().map(t -> quoted(s.tag + " " + t)).collect(Collectors.joining(","));
            List<String> all = titles(b, s, "title=in." + enc("(" + list + ")"));
            List<String> expected = new ArrayList<>(HOSTILE);
            assertEquals(expected.stream().sorted().toList(), all.stream().sorted().toList());
            assertEquals(List.of("a,b", "close)"), titles(b, s, "title=in." + enc("(" + quoted(s.tag + " a,b") + ","
                    + quoted(s.tag + " close)") + ",\"nothing\")")).stream().sorted().toList());
            assertEquals(List.of(), titles(b, s, "title=in.()"));
        }
    }

    @ContractTest
    void ilikeInsideAnOrTreeFindsLiteralTerms(Backends.Lazy backend) {
        Backend b = backend.get();
        try (Scratch s = hostile(b)) {
            for (String title : HOSTILE) {
                String pattern = "*" + likeLiteral(title.toUpperCase(java.util.Locale.ROOT)) + "*";
                String tree = "(title.ilike." + quoted(pattern) + ",prompt.ilike." + quoted(pattern) + ")";
                List<String> found = titles(b, s, "or=" + enc(tree));
                List<String> expected = title.equals("star*") ? List.of("star*") : List.of(title);
                assertEquals(expected, found, title);
            }
        }
    }

    @ContractTest
    void topLevelIlikeWithWildcardsAndUnicode(Backends.Lazy backend) {
        Backend b = backend.get();
        try (Scratch s = hostile(b)) {
            assertEquals(List.of("100% sure"), titles(b, s, "title=ilike." + enc("*100\\% S*")));
            assertEquals(List.of("snake_case"), titles(b, s, "title=ilike." + enc("*e\\_c*")));
            assertEquals(List.of("Ärger über Öl"), titles(b, s, "title=ilike." + enc("*ÄRGER ÜBER*")));
            assertEquals(List.of("日本語 ✓"), titles(b, s, "title=like." + enc("*本*")));
            assertEquals(List.of("(paren)", "close)"), titles(b, s, "or=" + enc("(title.like.*paren*,title.like.*close*)")));
            error(400, "22025", "LIKE pattern must not end with escape character", null, null,
                    b.send(b.editor(), "GET", "/stories?prompt=eq." + s.tag + "&title=like." + enc("*trail\\"), null));
        }
    }

    @ContractTest
    void anUnquotedParenEndsTheTreeAndTheRestIsIgnored(Backends.Lazy backend) {
        Backend b = backend.get();
        try (Scratch s = hostile(b)) {
            String term = s.tag + " close)";
            List<String> unquoted = titles(b, s, "or=" + enc("(title.eq." + term + ",title.eq." + s.tag + " #1)"));
            List<String> quotedTree = titles(b, s, "or=" + enc("(title.eq." + quoted(term) + ",title.eq." + s.tag + " #1)"));

            assertEquals(List.of(), unquoted, "'close)' ends the group early: only 'title.eq.<tag> close' is left");
            assertEquals(List.of("#1", "close)"), quotedTree);
        }
    }
}
