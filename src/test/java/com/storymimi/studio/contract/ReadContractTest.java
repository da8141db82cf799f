package com.storymimi.studio.contract;

import java.net.http.HttpResponse;

import static com.storymimi.studio.contract.Check.enc;
import static com.storymimi.studio.contract.Check.error;
import static com.storymimi.studio.contract.Check.header;
import static com.storymimi.studio.contract.Check.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** Reads: RLS for anon, counts, Content-Range, 206/416, the Range header, HEAD, single objects, read errors. */
class ReadContractTest {

    /** Five stories titled A..E (created in that order), all tagged. */
    private static Scratch fiveStories(Backend b) {
        Scratch s = new Scratch(b);
        String[] titles = {"A", "B", "C", "D", "E"};
        for (int i = 0; i < titles.length; i++) {
            s.story(titles[i], "PENDING", null, "2026-01-01T00:00:0" + i + "Z");
        }
        return s;
    }

    private static String page(Scratch s, String extra) {
        return "/stories?select=title&order=title.asc&prompt=eq." + s.tag + extra;
    }

    @ContractTest
    void anonSeesNoRowsAndACountOfZero(Backends.Lazy backend) {
        Backend b = backend.get();
        try (Scratch s = new Scratch(b)) {
            s.user("visible-to-editors");
            HttpResponse<String> plain = b.send(Backend.Caller.NO_TOKEN, "GET", "/users", null);
            HttpResponse<String> counted = b.send(b.anon(), "GET", "/users", null, "Prefer", "count=exact");

            json(200, "[]", plain);
            assertEquals("*/*", header(plain, "Content-Range"));
            json(200, "[]", counted);
            assertEquals("*/0", header(counted, "Content-Range"));
            assertEquals("count=exact", header(counted, "Preference-Applied"));
        }
    }

    @ContractTest
    void countedPagesAre206WithTotalsAnd416PastTheEnd(Backends.Lazy backend) {
        Backend b = backend.get();
        try (Scratch s = fiveStories(b)) {
            HttpResponse<String> first = b.send(b.editor(), "GET", page(s, "&limit=2"), null, "Prefer", "count=exact");
            HttpResponse<String> last = b.send(b.editor(), "GET", page(s, "&offset=4"), null, "Prefer", "count=exact");
            HttpResponse<String> atEnd = b.send(b.editor(), "GET", page(s, "&offset=5"), null, "Prefer", "count=exact");
            HttpResponse<String> past = b.send(b.editor(), "GET", page(s, "&offset=9"), null, "Prefer", "count=exact");
            HttpResponse<String> pastUncounted = b.send(b.editor(), "GET", page(s, "&offset=9"), null);
            HttpResponse<String> all = b.send(b.editor(), "GET", page(s, ""), null, "Prefer", "count=exact");

            json(206, "[{\"title\":\"A\"},{\"title\":\"B\"}]", first);
            assertEquals("0-1/5", header(first, "Content-Range"));
            assertEquals("count=exact", header(first, "Preference-Applied"));
            json(206, "[{\"title\":\"E\"}]", last);
            assertEquals("4-4/5", header(last, "Content-Range"));
            json(206, "[]", atEnd);
            assertEquals("*/5", header(atEnd, "Content-Range"));
            error(416, "PGRST103", "Requested range not satisfiable",
                    "An offset of 9 was requested, but there are only 5 rows.", null, past);
            assertEquals("*/5", header(past, "Content-Range"));
            json(200, "[]", pastUncounted);
            assertEquals("*/*", header(pastUncounted, "Content-Range"));
            assertEquals(200, all.statusCode());
            assertEquals("0-4/5", header(all, "Content-Range"));
        }
    }

    @ContractTest
    void rangeHeaderSelectsItemsAndIntersectsWithLimit(Backends.Lazy backend) {
        Backend b = backend.get();
        try (Scratch s = fiveStories(b)) {
            HttpResponse<String> one = b.send(b.editor(), "GET", page(s, ""), null, "Range", "1-1", "Prefer", "count=exact");
            HttpResponse<String> open = b.send(b.editor(), "GET", page(s, ""), null, "Range", "3-");
            HttpResponse<String> inverted = b.send(b.editor(), "GET", page(s, ""), null, "Range", "3-1");
            HttpResponse<String> disjoint = b.send(b.editor(), "GET", page(s, "&limit=1"), null, "Range", "1-5");
            HttpResponse<String> narrowed = b.send(b.editor(), "GET", page(s, "&limit=3"), null, "Range", "1-9");

            json(206, "[{\"title\":\"B\"}]", one);
            assertEquals("1-1/5", header(one, "Content-Range"));
            json(200, "[{\"title\":\"D\"},{\"title\":\"E\"}]", open);
            assertEquals("3-4/*", header(open, "Content-Range"));
            error(416, "PGRST103", "Requested range not satisfiable",
                    "The lower boundary must be lower than or equal to the upper boundary in the Range header.", null,
                    inverted);
            error(416, "PGRST103", "Requested range not satisfiable", "Limit should be greater than or equal to zero.",
                    null, disjoint);
            json(200, "[{\"title\":\"B\"},{\"title\":\"C\"}]", narrowed);
            assertEquals("1-2/*", header(narrowed, "Content-Range"));
        }
    }

    @ContractTest
    void emptyResultsAndHeadRequests(Backends.Lazy backend) {
        Backend b = backend.get();
        try (Scratch s = fiveStories(b)) {
            HttpResponse<String> none = b.send(b.editor(), "GET", page(s, "&title=eq.none"), null);
            HttpResponse<String> noneCounted = b.send(b.editor(), "GET", page(s, "&title=eq.none"), null,
                    "Prefer", "count=exact");
            HttpResponse<String> head = b.send(b.editor(), "HEAD", page(s, ""), null, "Prefer", "count=exact");

            json(200, "[]", none);
            assertEquals("*/*", header(none, "Content-Range"));
            json(200, "[]", noneCounted);
            assertEquals("*/0", header(noneCounted, "Content-Range"));
            assertEquals(200, head.statusCode());
            assertEquals("0-4/5", header(head, "Content-Range"));
            assertEquals("", head.body());
        }
    }

    @ContractTest
    void ilikeFoldsUnicodeCase(Backends.Lazy backend) {
        Backend b = backend.get();
        try (Scratch s = new Scratch(b)) {
            s.story("ÄRGER im Wald", "PENDING", null, "2026-01-01T00:00:00Z");
            HttpResponse<String> response = b.send(b.editor(), "GET", "/stories?select=title&prompt=eq." + s.tag
                    + "&title=ilike." + enc("*ärger*"), null);

            json(200, "[{\"title\":\"ÄRGER im Wald\"}]", response);
            assertEquals("0-0/*", header(response, "Content-Range"));
        }
    }

    @ContractTest
    void singleObjectAcceptWantsExactlyOneRow(Backends.Lazy backend) {
        Backend b = backend.get();
        try (Scratch s = fiveStories(b)) {
            String accept = "application/vnd.pgrst.object+json";
            HttpResponse<String> one = b.send(b.editor(), "GET", page(s, "&title=eq.C"), null, "Accept", accept);
            HttpResponse<String> none = b.send(b.editor(), "GET", page(s, "&title=eq.Z"), null, "Accept", accept);
            HttpResponse<String> five = b.send(b.editor(), "GET", page(s, ""), null, "Accept", accept);

            json(200, "{\"title\":\"C\"}", one);
            assertEquals("application/vnd.pgrst.object+json; charset=utf-8", header(one, "Content-Type"));
            assertEquals("0-0/*", header(one, "Content-Range"));
            json(406, "{\"code\":\"PGRST116\",\"details\":\"The result contains 0 rows\",\"hint\":null,"
                    + "\"message\":\"JSON object requested, multiple (or no) rows returned\"}", none);
            json(406, "{\"code\":\"PGRST116\",\"details\":\"The result contains 5 rows\",\"hint\":null,"
                    + "\"message\":\"JSON object requested, multiple (or no) rows returned\"}", five);
        }
    }

    @ContractTest
    void readErrors(Backends.Lazy backend) {
        Backend b = backend.get();
        error(400, "22P02", "invalid input syntax for type uuid: \"abc\"", null, null,
                b.send(b.editor(), "GET", "/users?user_id=eq.abc", null));
        error(400, "PGRST100", "\"failed to parse filter (foo.1)\" (line 1, column 1)",
                "unexpected \"f\" expecting \"not\" or operator (eq, gt, ...)", null,
                b.send(b.editor(), "GET", "/users?user_id=foo.1", null));
        error(404, "42P01", "relation \"public.nosuch\" does not exist", null, null,
                b.send(b.editor(), "GET", "/nosuch", null));
        error(415, "PGRST107", "None of these media types are available: text/plain", null, null,
                b.send(b.editor(), "GET", "/users", null, "Accept", "text/plain"));
        error(400, "42703", "column stories.colour does not exist", null, null,
                b.send(b.editor(), "GET", "/stories?select=colour", null));
        HttpResponse<String> ok = b.send(b.editor(), "GET", "/users?limit=0", null);
        json(200, "[]", ok);
        assertNull(header(ok, "Location"));
    }
}
