package com.storymimi.studio.supabase.rest;

import com.storymimi.studio.supabase.error.RestException;
import com.storymimi.studio.supabase.error.SupabaseException;
import com.storymimi.studio.supabase.testing.ScriptedServer;
import com.storymimi.studio.supabase.testing.ScriptedServerTest;
import com.storymimi.studio.supabase.testing.ScriptedServer.Recorded;
import com.storymimi.studio.supabase.testing.ScriptedServer.Scripted;
import com.storymimi.studio.supabase.testing.TestClients;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;
import java.util.concurrent.CompletionException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Reads against a scripted server: the exact request that goes out, and how the answer is decoded. */
class PostgrestReadTest extends ScriptedServerTest {

    record TestUser(UUID userId, String username, String email, Instant createdAt) {
    }

    private static final UUID ID = UUID.fromString("8f14e45f-ceea-467a-9f3a-1b2c3d4e5f60");
    private static final String ROW = """
            {"user_id":"8f14e45f-ceea-467a-9f3a-1b2c3d4e5f60","username":"mimi","email":"mimi@example.org",
             "created_at":"2026-11-24T06:51:18.12+00:00"}""";

    @Test
    void listSendsSelectFiltersOrderRangeAndCountAsOneExactRequest() {
        // given
        server.enqueue(Scripted.json(206, "[" + ROW + "]").header("Content-Range", "0-0/137"));

        // when
        RestResult<List<TestUser>> result = client.rest().from("users")
                .select("user_id, username,email,created_at")
                .filter(Filter.eq("user_id", ID))
                .filter(Filter.ilike("username", Like.contains("mi mi")))
                .order(Order.desc("created_at").nullsLast())
                .order(Order.asc("username"))
                .range(25, 49)
                .count(Count.EXACT)
                .list(TestUser.class).join();

        // then the request
        Recorded request = server.onlyRequest();
        assertEquals("GET", request.method());
        assertEquals("/rest/v1/users", request.rawPath());
        assertEquals("select=user_id%2Cusername%2Cemail%2Ccreated_at"
                + "&user_id=eq.8f14e45f-ceea-467a-9f3a-1b2c3d4e5f60"
                + "&username=ilike.%25mi%20mi%25"
                + "&order=created_at.desc.nullslast%2Cusername.asc"
                + "&offset=25&limit=25", request.rawQuery());
        assertEquals(TestClients.API_KEY, request.header("apikey"));
        assertEquals("Bearer " + TestClients.API_KEY, request.header("Authorization"));
        assertEquals("public", request.header("Accept-Profile"));
        assertEquals("count=exact", request.header("Prefer"));
        assertTrue(request.header("X-Client-Info").startsWith("storymimi-studio/"), request.header("X-Client-Info"));
        assertNull(request.header("Content-Type"), "a GET carries no Content-Type");
        assertNull(request.header("Content-Profile"));
        assertNull(request.header("Accept"));

        // and the decoded answer
        assertEquals(List.of(new TestUser(ID, "mimi", "mimi@example.org",
                Instant.parse("2026-11-24T06:51:18.120Z"))), result.body());
        assertEquals(OptionalLong.of(137), result.total());
        assertEquals(206, result.status());
    }

    @Test
    void decodesTimestampsInAllThreeSupabaseFormats() {
        server.enqueue(Scripted.json(200, """
                [{"user_id":"8f14e45f-ceea-467a-9f3a-1b2c3d4e5f60","created_at":"2026-11-24T06:51:18.12+00:00"},
                 {"user_id":"8f14e45f-ceea-467a-9f3a-1b2c3d4e5f60","created_at":"2021-02-17T04:43:32.770Z"},
                 {"user_id":"8f14e45f-ceea-467a-9f3a-1b2c3d4e5f60","created_at":"2026-11-20T10:15:30.123456789+02:00"}]"""));

        List<TestUser> users = client.rest().from("users").select().list(TestUser.class).join().body();

        assertEquals(Instant.parse("2026-11-24T06:51:18.120Z"), users.get(0).createdAt());
        assertEquals(Instant.parse("2021-02-17T04:43:32.770Z"), users.get(1).createdAt());
        assertEquals(Instant.parse("2026-11-20T08:15:30.123456789Z"), users.get(2).createdAt());
        assertNull(users.get(0).username(), "absent columns decode to null");
        assertEquals("select=%2A", server.onlyRequest().rawQuery());
    }

    @Test
    void totalIsEmptyWithoutCountAndLimitOffsetAreSeparate() {
        server.enqueue(Scripted.json(200, "[]").header("Content-Range", "*/*"));

        RestResult<List<TestUser>> result = client.rest().from("users").select("user_id")
                .limit(1).offset(0).list(TestUser.class).join();

        assertEquals(List.of(), result.body());
        assertEquals(OptionalLong.empty(), result.total());
        assertEquals("select=user_id&offset=0&limit=1", server.onlyRequest().rawQuery());
        assertNull(server.onlyRequest().header("Prefer"));
    }

    @Test
    void headSendsHeadAndReadsOnlyTheTotal() {
        server.enqueue(Scripted.status(200).header("Content-Range", "*/42"));

        RestResult<List<TestUser>> result = client.rest().from("stories").select()
                .filter(Filter.eq("status", "PENDING")).count(Count.PLANNED).head().list(TestUser.class).join();

        assertEquals("HEAD", server.onlyRequest().method());
        assertEquals("count=planned", server.onlyRequest().header("Prefer"));
        assertEquals(List.of(), result.body());
        assertEquals(OptionalLong.of(42), result.total());
    }

    @Test
    void singleAsksForOneObject() {
        server.enqueue(Scripted.json(200, ROW));

        TestUser user = client.rest().from("users").select().filter(Filter.eq("user_id", ID))
                .single(TestUser.class).join();

        assertEquals(ID, user.userId());
        assertEquals("application/vnd.pgrst.object+json", server.onlyRequest().header("Accept"));
    }

    @Test
    void singleWithNoRowIsTheServers406() {
        server.enqueue(Scripted.json(406, """
                {"code":"PGRST116","details":"The result contains 0 rows","hint":null,
                 "message":"Cannot coerce the result to a single JSON object"}"""));

        CompletionException thrown = assertThrows(CompletionException.class, () ->
                client.rest().from("users").select().filter(Filter.eq("user_id", ID)).single(TestUser.class).join());

        RestException error = (RestException) SupabaseException.unwrap(thrown).orElseThrow();
        assertEquals(406, error.status());
        assertEquals("PGRST116", error.code());
        assertEquals("The result contains 0 rows", error.details());
    }

    @Test
    void maybeSingleIsEmptyForNoRowPresentForOneAndAnErrorForTwo() {
        server.enqueue(Scripted.json(200, "[]"), Scripted.json(200, "[" + ROW + "]"),
                Scripted.json(200, "[" + ROW + "," + ROW + "]"));
        SelectQuery query = client.rest().from("users").select().filter(Filter.eq("email", "mimi@example.org"));

        assertEquals(Optional.empty(), query.maybeSingle(TestUser.class).join());
        assertEquals(ID, query.maybeSingle(TestUser.class).join().orElseThrow().userId());
        CompletionException thrown = assertThrows(CompletionException.class,
                () -> query.maybeSingle(TestUser.class).join());
        RestException error = (RestException) SupabaseException.unwrap(thrown).orElseThrow();
        assertEquals("PGRST116", error.code());
        assertNull(server.request(0).header("Accept"), "maybeSingle reads a plain array");
    }

    @Test
    void buildersAreImmutable() {
        server.enqueue(Scripted.json(200, "[]"), Scripted.json(200, "[]"));
        SelectQuery base = client.rest().from("users").select("user_id");

        base.filter(Filter.eq("username", "a")).order(Order.asc("username")).list(TestUser.class).join();
        base.list(TestUser.class).join();

        assertEquals("select=user_id", server.request(1).rawQuery());
    }

    @Test
    void undecodableBodyIsARestExceptionNotAGsonError() {
        server.enqueue(Scripted.json(200, "{\"user_id\":\"not-a-uuid\"}"));

        CompletionException thrown = assertThrows(CompletionException.class,
                () -> client.rest().from("users").select().single(TestUser.class).join());

        RestException error = (RestException) SupabaseException.unwrap(thrown).orElseThrow();
        assertEquals(RestException.DECODE_FAILED, error.code());
        assertEquals(200, error.status());
    }
}
