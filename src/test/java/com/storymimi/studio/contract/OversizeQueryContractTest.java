package com.storymimi.studio.contract;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static com.storymimi.studio.contract.Check.body;
import static com.storymimi.studio.contract.Check.column;
import static com.storymimi.studio.contract.Check.enc;
import static com.storymimi.studio.contract.Check.error;
import static com.storymimi.studio.contract.Check.header;
import static com.storymimi.studio.contract.Check.status;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Queries past what an editor would type: numbers past bigint in Range, limit and offset, selects nested
 * thousands deep, or-trees of 1500 terms, garbage inside a tree. Each gets PostgREST's answer (or, past the
 * sandbox's documented nesting limits, a 400), never a 500 or a closed connection.
 */
class OversizeQueryContractTest {

    private static final String HUGE = "99999999999999999999";

    /** Five stories T0..T4, all tagged. */
    private static Scratch fiveStories(Backend b) {
        Scratch s = new Scratch(b);
        for (int i = 0; i < 5; i++) {
            s.story("T" + i, "PENDING", null, "2026-01-01T00:00:0" + i + "Z");
        }
        return s;
    }

    private static String page(Scratch s) {
        return "/stories?select=title&order=title.asc&prompt=eq." + s.tag;
    }

    @ContractTest
    void rangeBoundsPastBigintAreUnboundedAndAnOffsetPastItIs22003(Backends.Lazy backend) {
        Backend b = backend.get();
        try (Scratch s = fiveStories(b)) {
            HttpResponse<String> all = b.send(b.editor(), "GET", page(s), null, "Range", "0-" + HUGE, "Prefer", "count=exact");
            HttpResponse<String> tail = b.send(b.editor(), "GET", page(s), null, "Range", "2-" + HUGE, "Prefer", "count=exact");
            HttpResponse<String> limited = b.send(b.editor(), "GET", page(s) + "&limit=2", null, "Range", "0-" + HUGE);
            HttpResponse<String> disjoint = b.send(b.editor(), "GET", page(s) + "&limit=2", null, "Range", "2-" + HUGE);
            HttpResponse<String> farOffset = b.send(b.editor(), "GET", page(s), null, "Range", HUGE + "-");

            status(200, all);
            assertEquals(List.of("T0", "T1", "T2", "T3", "T4"), column(all, "title"));
            assertEquals("0-4/5", header(all, "Content-Range"));
            status(206, tail);
            assertEquals(List.of("T2", "T3", "T4"), column(tail, "title"));
            assertEquals("2-4/5", header(tail, "Content-Range"));
            assertEquals(List.of("T0", "T1"), column(limited, "title"));
            error(416, "PGRST103", "Requested range not satisfiable", "Limit should be greater than or equal to zero.",
                    null, disjoint);
            error(400, "22003", "value \"" + HUGE + "\" is out of range for type bigint", null, null, farOffset);
        }
    }

    @ContractTest
    void aLimitPastBigintIsNoLimitAndAnOffsetPastItIs22003(Backends.Lazy backend) {
        Backend b = backend.get();
        try (Scratch s = fiveStories(b)) {
            HttpResponse<String> limit = b.send(b.editor(), "GET", page(s) + "&limit=" + HUGE, null);
            HttpResponse<String> offset = b.send(b.editor(), "GET", page(s) + "&offset=" + HUGE, null);
            HttpResponse<String> maxOffset = b.send(b.editor(), "GET", page(s) + "&offset=" + Long.MAX_VALUE + "&limit=5", null);
            HttpResponse<String> embedLimit = b.send(b.editor(), "GET", "/stories?select=title,scenes(scene_id)"
                    + "&scenes.limit=" + HUGE + "&prompt=eq." + s.tag + "&title=eq.T0", null);

            status(200, limit);
            assertEquals(5, column(limit, "title").size());
            error(400, "22003", "value \"" + HUGE + "\" is out of range for type bigint", null, null, offset);
            status(200, maxOffset);
            assertEquals("[]", body(maxOffset).toString());
            status(200, embedLimit);
            assertEquals("[{\"title\":\"T0\",\"scenes\":[]}]", body(embedLimit).toString());
        }
    }

    @ContractTest
    void aSelectNestedThousandsDeepIsA400WithAPostgrestBody(Backends.Lazy backend) {
        Backend b = backend.get();
        for (String name : List.of("scenes", "x")) {
            String deep = (name + "(").repeat(3000) + "scene_id" + ")".repeat(3000);
            HttpResponse<String> response = b.send(b.editor(), "GET", "/stories?select=" + enc(deep), null);

            status(400, response);
            assertTrue(body(response).getAsJsonObject().get("code").getAsString().startsWith("PGRST"), response::body);
            assertTrue(body(response).getAsJsonObject().has("message"), response::body);
        }
    }

    @ContractTest
    void anOrTreeOf1500TermsFindsItsRows(Backends.Lazy backend) {
        Backend b = backend.get();
        try (Scratch s = fiveStories(b)) {
            String terms = IntStream.range(0, 1500).mapToObj(i -> "title.eq.T" + (i % 7 == 2 ? 9 : i % 7))
                    .collect(Collectors.joining(","));
            HttpResponse<String> or = b.send(b.editor(), "GET", page(s) + "&or=" + enc("(" + terms + ")"), null);
            String conjunction = IntStream.range(0, 1500).mapToObj(i -> "title.neq.X" + i).collect(Collectors.joining(","));
            HttpResponse<String> and = b.send(b.editor(), "GET", page(s) + "&and=" + enc("(" + conjunction + ")"), null);

            status(200, or);
            assertEquals(List.of("T0", "T1", "T3", "T4"), column(or, "title"));
            status(200, and);
            assertEquals(5, column(and, "title").size());
        }
    }

    @ContractTest
    void nestedGroupsWithinTheSandboxLimitGiveTheSameRows(Backends.Lazy backend) {
        Backend b = backend.get();
        try (Scratch s = fiveStories(b)) {
            String nested = "or(".repeat(60) + "title.eq.T1,and(title.eq.T3)" + ")".repeat(60);
            HttpResponse<String> response = b.send(b.editor(), "GET", page(s) + "&or=" + enc("(" + nested + ")"), null);

            status(200, response);
            assertEquals(List.of("T1", "T3"), column(response, "title"));
        }
    }

    @ContractTest
    void garbageAfterANestedGroupIsAParseError(Backends.Lazy backend) {
        Backend b = backend.get();
        HttpResponse<String> response = b.send(b.editor(), "GET",
                "/stories?select=title&or=" + enc("(title.eq.a,or(title.eq.b)x)"), null);

        status(400, response);
        assertEquals("PGRST100", body(response).getAsJsonObject().get("code").getAsString());
    }
}
