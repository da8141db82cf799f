package com.storymimi.studio.local.rest;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.storymimi.studio.local.SandboxFixture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static com.storymimi.studio.local.SandboxFixture.header;
import static com.storymimi.studio.local.SandboxFixture.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** GET/HEAD on /rest/v1 over real HTTP: select, filters, order, paging, counts, single objects, errors. */
class RestReadTest {

    private static final String ANNA = "11111111-1111-4111-8111-111111111111";
    private static final String BEN = "22222222-2222-4222-8222-222222222222";

    @TempDir
    static Path dataDir;
    static SandboxFixture fx;

    @BeforeAll
    static void startWithFixtureData() {
        fx = new SandboxFixture(dataDir);
        assertEquals(201, fx.asService("POST", "/rest/v1/users", """
                [{"user_id":"%s","username":"anna","email":"anna@example.com","created_at":"2026-01-01T10:00:00Z"},
                 {"user_id":"%s","username":"ben","email":"ben@example.com","created_at":"2026-01-02T10:00:00.5Z"}]
                """.formatted(ANNA, BEN)).statusCode());
        assertEquals(201, fx.asService("POST", "/rest/v1/stories?columns=user_id,title,status,created_at", """
                [{"user_id":"%s","title":"Großer ÄRGER im Wald","status":"COMPLETED","created_at":"2026-02-01T00:00:00Z"},
                 {"user_id":"%s","title":"The Brave Hedgehog","status":"PENDING","created_at":"2026-02-02T00:00:00Z"},
                 {"user_id":null,"title":"Pip, the (odd) one","status":"ERROR","created_at":"2026-02-03T00:00:00Z"},
                 {"user_id":"%s","title":"A Quiet Night","status":"COMPLETED","created_at":"2026-02-04T00:00:00Z"},
                 {"user_id":null,"title":"100%% \\"quoted\\"","status":"GENERATING","created_at":"2026-02-05T00:00:00Z"}]
                """.formatted(ANNA, ANNA, BEN)).statusCode());
    }

    @AfterAll
    static void stop() {
        fx.close();
    }

    private static List<String> titles(HttpResponse<String> response) {
        assertEquals(200, response.statusCode(), response.body());
        List<String> titles = new ArrayList<>();
        json(response).getAsJsonArray().forEach(e -> titles.add(e.getAsJsonObject().get("title").getAsString()));
        return titles;
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    @Test
    void selectRenamesAndPicksColumnsInTheRequestedOrder() {
        HttpResponse<String> response = fx.asService("GET", "/rest/v1/users?select=name:username,email&username=eq.anna", null);

        assertEquals(200, response.statusCode());
        assertEquals("[{\"name\":\"anna\",\"email\":\"anna@example.com\"}]", response.body());
        assertEquals(SandboxFixture.header(response, "Content-Type"), "application/json; charset=utf-8");
    }

    @Test
    void timestampsAreRenderedLikePostgresWithTrimmedFractions() {
        JsonArray rows = json(fx.asService("GET", "/rest/v1/users?select=username,created_at&order=username", null))
                .getAsJsonArray();

        assertEquals("2026-01-01T10:00:00+00:00", rows.get(0).getAsJsonObject().get("created_at").getAsString());
        assertEquals("2026-01-02T10:00:00.5+00:00", rows.get(1).getAsJsonObject().get("created_at").getAsString());
    }

    @Test
    void comparisonFiltersOnTimestampsAndRepeatedKeysAreAnded() {
        String query = "/rest/v1/stories?select=title&created_at=gte." + enc("2026-02-02T00:00:00+00:00")
                + "&created_at=lt.2026-02-04&order=created_at";

        assertEquals(List.of("The Brave Hedgehog", "Pip, the (odd) one"), titles(fx.asService("GET", query, null)));
    }

    @Test
    void inListsFollowPostgrestQuotingRules() {
        String list = "(\"Pip, the (odd) one\",\"100% \\\"quoted\\\"\",A Quiet Night)";
        String query = "/rest/v1/stories?select=title&order=title&title=in." + enc(list);

        assertEquals(List.of("100% \"quoted\"", "A Quiet Night", "Pip, the (odd) one"),
                titles(fx.asService("GET", query, null)));
    }

    @Test
    void negatedAndIsFiltersHandleNulls() {
        List<String> withoutUser = titles(fx.asService("GET", "/rest/v1/stories?select=title&user_id=is.null&order=title", null));
        List<String> withUser = titles(fx.asService("GET", "/rest/v1/stories?select=title&user_id=not.is.null&status=neq.PENDING&order=title", null));

        assertEquals(List.of("100% \"quoted\"", "Pip, the (odd) one"), withoutUser);
        assertEquals(List.of("A Quiet Night", "Großer ÄRGER im Wald"), withUser);
    }

    @Test
    void ilikeFoldsUnicodeWhileLikeIsCaseSensitive() {
        List<String> ilike = titles(fx.asService("GET", "/rest/v1/stories?select=title&title=ilike." + enc("*ärger*"), null));
        List<String> like = titles(fx.asService("GET", "/rest/v1/stories?select=title&title=like." + enc("*ärger*"), null));
        List<String> likeExact = titles(fx.asService("GET", "/rest/v1/stories?select=title&title=like." + enc("*ÄRGER*"), null));

        assertEquals(List.of("Großer ÄRGER im Wald"), ilike);
        assertEquals(List.of(), like);
        assertEquals(List.of("Großer ÄRGER im Wald"), likeExact);
    }

    @Test
    void orTreesCombineConditionsWithQuotedValues() {
        String tree = "(title.ilike.\"*hedgehog*\",and(status.eq.COMPLETED,title.like.A*),title.eq.\"Pip, the (odd) one\")";

        List<String> found = titles(fx.asService("GET", "/rest/v1/stories?select=title&order=title&or=" + enc(tree), null));

        assertEquals(List.of("A Quiet Night", "Pip, the (odd) one", "The Brave Hedgehog"), found);
    }

    @Test
    void orderPutsNullsLastAscendingAndFirstDescendingUnlessTold() {
        List<String> asc = titles(fx.asService("GET", "/rest/v1/stories?select=title&order=user_id.asc,created_at.asc", null));
        List<String> desc = titles(fx.asService("GET", "/rest/v1/stories?select=title&order=user_id.desc,created_at.asc", null));
        List<String> ascNullsFirst = titles(fx.asService("GET",
                "/rest/v1/stories?select=title&order=user_id.asc.nullsfirst,created_at.asc&limit=1", null));

        assertEquals("100% \"quoted\"", asc.getLast());
        assertEquals("Pip, the (odd) one", desc.getFirst());
        assertEquals(List.of("Pip, the (odd) one"), ascNullsFirst);
    }

    @Test
    void aPartialPageWithACountIs206WithContentRange() {
        HttpResponse<String> page = fx.asService("GET", "/rest/v1/stories?select=title&order=created_at&offset=1&limit=2",
                null, "Prefer", "count=exact");
        HttpResponse<String> whole = fx.asService("GET", "/rest/v1/stories?select=title", null, "Prefer", "count=exact");
        HttpResponse<String> uncounted = fx.asService("GET", "/rest/v1/stories?select=title&offset=1&limit=2", null);

        assertEquals(206, page.statusCode());
        assertEquals("1-2/5", header(page, "Content-Range"));
        assertEquals(List.of("The Brave Hedgehog", "Pip, the (odd) one"), titles(withStatus200(page)));
        assertEquals(200, whole.statusCode());
        assertEquals("0-4/5", header(whole, "Content-Range"));
        assertEquals(200, uncounted.statusCode());
        assertEquals("1-2/*", header(uncounted, "Content-Range"));
    }

    @Test
    void offsetsAtAndBeyondTheEndFollowPostgrestRangeRules() {
        HttpResponse<String> atEnd = fx.asService("GET", "/rest/v1/stories?offset=5", null, "Prefer", "count=exact");
        HttpResponse<String> beyond = fx.asService("GET", "/rest/v1/stories?offset=100", null, "Prefer", "count=exact");
        HttpResponse<String> beyondUncounted = fx.asService("GET", "/rest/v1/stories?offset=100", null);
        HttpResponse<String> empty = fx.asService("GET", "/rest/v1/stories?title=eq.none", null, "Prefer", "count=exact");

        assertEquals(206, atEnd.statusCode());
        assertEquals("*/5", header(atEnd, "Content-Range"));
        assertEquals(416, beyond.statusCode());
        assertEquals("*/5", header(beyond, "Content-Range"));
        JsonObject error = json(beyond).getAsJsonObject();
        assertEquals("PGRST103", error.get("code").getAsString());
        assertEquals("An offset of 100 was requested, but there are only 5 rows.", error.get("details").getAsString());
        assertEquals(200, beyondUncounted.statusCode());
        assertEquals("*/*", header(beyondUncounted, "Content-Range"));
        assertEquals("[]", beyondUncounted.body());
        assertEquals(200, empty.statusCode());
        assertEquals("*/0", header(empty, "Content-Range"));
    }

    @Test
    void headCountsWithoutABody() {
        HttpResponse<String> head = fx.asService("HEAD", "/rest/v1/stories?status=eq.COMPLETED", null,
                "Prefer", "count=exact");

        assertEquals(200, head.statusCode());
        assertEquals("0-1/2", header(head, "Content-Range"));
        assertEquals("", head.body());
    }

    @Test
    void singleObjectAcceptGivesABareObjectOr406() {
        HttpResponse<String> one = fx.asService("GET", "/rest/v1/users?select=username&user_id=eq." + ANNA, null,
                "Accept", "application/vnd.pgrst.object+json");
        HttpResponse<String> many = fx.asService("GET", "/rest/v1/users", null,
                "Accept", "application/vnd.pgrst.object+json");

        assertEquals(200, one.statusCode());
        assertEquals("{\"username\":\"anna\"}", one.body());
        assertTrue(header(one, "Content-Type").startsWith("application/vnd.pgrst.object+json"));
        assertEquals(406, many.statusCode());
        JsonObject error = json(many).getAsJsonObject();
        assertEquals("PGRST116", error.get("code").getAsString());
        assertEquals("JSON object requested, multiple (or no) rows returned", error.get("message").getAsString());
        assertEquals("The result contains 2 rows",
                error.get("details").getAsString());
    }

    @Test
    void badFilterValuesAndUnknownNamesGivePostgresErrors() {
        HttpResponse<String> badUuid = fx.asService("GET", "/rest/v1/users?user_id=eq.abc", null);
        HttpResponse<String> badInteger = fx.asService("GET", "/rest/v1/scenes?sequence=gt.x", null);
        HttpResponse<String> unknownColumn = fx.asService("GET", "/rest/v1/users?nope=eq.1", null);
        HttpResponse<String> unknownSelect = fx.asService("GET", "/rest/v1/users?select=nope", null);
        HttpResponse<String> unknownTable = fx.asService("GET", "/rest/v1/x", null);

        assertError(badUuid, 400, "22P02", "invalid input syntax for type uuid: \"abc\"");
        assertError(badInteger, 400, "22P02", "invalid input syntax for type integer: \"x\"");
        assertError(unknownColumn, 400, "42703", "column users.nope does not exist");
        assertError(unknownSelect, 400, "42703", "column users.nope does not exist");
        assertError(unknownTable, 404, "42P01", "relation \"public.x\" does not exist");
        assertEquals("application/json; charset=utf-8", header(badUuid, "Content-Type"));
    }

    @Test
    void unparsableFiltersAreParseErrors() {
        HttpResponse<String> response = fx.asService("GET", "/rest/v1/users?username=foo.1", null);

        assertEquals(400, response.statusCode());
        assertEquals("PGRST100", json(response).getAsJsonObject().get("code").getAsString());
    }

    static void assertError(HttpResponse<String> response, int status, String code, String message) {
        assertEquals(status, response.statusCode(), response.body());
        JsonObject body = json(response).getAsJsonObject();
        assertEquals(code, body.get("code").getAsString(), response.body());
        assertEquals(message, body.get("message").getAsString());
        assertTrue(body.has("details") && body.has("hint"), response.body());
    }

    private static HttpResponse<String> withStatus200(HttpResponse<String> response) {
        return new HttpResponse<>() {
            public int statusCode() { return 200; }
            public java.net.http.HttpRequest request() { return response.request(); }
            public java.util.Optional<HttpResponse<String>> previousResponse() { return java.util.Optional.empty(); }
            public java.net.http.HttpHeaders headers() { return response.headers(); }
            public String body() { return response.body(); }
            public java.util.Optional<javax.net.ssl.SSLSession> sslSession() { return java.util.Optional.empty(); }
            public java.net.URI uri() { return response.uri(); }
            public java.net.http.HttpClient.Version version() { return response.version(); }
        };
    }
}
