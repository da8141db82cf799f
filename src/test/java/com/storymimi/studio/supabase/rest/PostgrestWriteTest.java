package com.storymimi.studio.supabase.rest;

import com.google.gson.JsonParser;
import com.storymimi.studio.supabase.testing.ScriptedServer;
import com.storymimi.studio.supabase.testing.ScriptedServerTest;
import com.storymimi.studio.supabase.testing.ScriptedServer.Recorded;
import com.storymimi.studio.supabase.testing.ScriptedServer.Scripted;
import com.storymimi.studio.supabase.testing.TestClients;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Writes and RPC calls: method, query, Prefer, profile headers and the JSON body that go out. */
class PostgrestWriteTest extends ScriptedServerTest {

    enum Status { PENDING, COMPLETED }

    record TestScene(UUID sceneId, UUID storyId, int sequence, String text, String imageUrl) {
    }

    record TestStory(UUID storyId, String title, Status status) {
    }

    private static final UUID STORY = UUID.fromString("11111111-2222-4333-8444-555555555555");
    private static final UUID SCENE = UUID.fromString("66666666-7777-4888-9999-000000000000");

    private static void assertWriteHeaders(Recorded request) {
        assertEquals("application/json", request.header("Content-Type"));
        assertEquals("public", request.header("Content-Profile"));
        assertNull(request.header("Accept-Profile"));
        assertEquals(TestClients.API_KEY, request.header("apikey"));
    }

    @Test
    void insertOneRowSendsExplicitNullsAndNoPreferByDefault() {
        // given
        server.enqueue(Scripted.status(201));
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("scene_id", SCENE);
        row.put("story_id", STORY);
        row.put("image_url", null);

        // when
        client.rest().from("scenes").insert(row).execute().join();

        // then
        Recorded request = server.onlyRequest();
        assertEquals("POST", request.method());
        assertEquals("/rest/v1/scenes", request.rawPath());
        assertNull(request.rawQuery());
        assertNull(request.header("Prefer"));
        assertWriteHeaders(request);
        assertEquals("{\"scene_id\":\"" + SCENE + "\",\"story_id\":\"" + STORY + "\",\"image_url\":null}", request.body());
    }

    @Test
    void bulkInsertNamesTheUnionOfColumnsAndReturnsRows() {
        server.enqueue(Scripted.json(201, """
                [{"scene_id":"66666666-7777-4888-9999-000000000000","story_id":"11111111-2222-4333-8444-555555555555",
                  "sequence":1,"text":"Once","image_url":null}]"""));
        Map<String, Object> first = new LinkedHashMap<>();
        first.put("story_id", STORY);
        first.put("sequence", 1);
        Map<String, Object> second = new LinkedHashMap<>();
        second.put("story_id", STORY);
        second.put("text", "Upon");

        List<TestScene> rows = client.rest().from("scenes").insert(List.of(first, second))
                .returning("scene_id, sequence").list(TestScene.class).join();

        Recorded request = server.onlyRequest();
        assertEquals("select=scene_id%2Csequence&columns=%22story_id%22%2C%22sequence%22%2C%22text%22",
                request.rawQuery());
        assertEquals("return=representation", request.header("Prefer"));
        assertEquals(JsonParser.parseString("[{\"story_id\":\"" + STORY + "\",\"sequence\":1},"
                + "{\"story_id\":\"" + STORY + "\",\"text\":\"Upon\"}]"), JsonParser.parseString(request.body()));
        assertEquals(new TestScene(SCENE, STORY, 1, "Once", null), rows.getFirst());
    }

    @Test
    void upsertJoinsResolutionCountAndReturnInOnePreferHeader() {
        server.enqueue(Scripted.json(201, "[]").header("Content-Range", "*/2"));
        Map<String, Object> row = new LinkedHashMap<>(); // column order follows the map's order
        row.put("story_id", STORY);
        row.put("sequence", 1);

        int written = client.rest().from("scenes")
                .upsert(List.of(row), "story_id, sequence", Resolution.MERGE)
                .returning().affectedRows().join();

        Recorded request = server.onlyRequest();
        assertEquals(2, written);
        assertEquals("resolution=merge-duplicates, count=exact, return=representation", request.header("Prefer"));
        assertEquals(1, request.headerValues("Prefer").size(), "one Prefer header, values joined");
        assertEquals("select=%2A&columns=%22story_id%22%2C%22sequence%22&on_conflict=story_id%2Csequence",
                request.rawQuery());
    }

    @Test
    void upsertOneRowIgnoringDuplicatesOnThePrimaryKey() {
        server.enqueue(Scripted.status(201));

        client.rest().from("users").upsert(Map.of("user_id", STORY), null, Resolution.IGNORE).execute().join();

        assertEquals("resolution=ignore-duplicates", server.onlyRequest().header("Prefer"));
        assertNull(server.onlyRequest().rawQuery());
    }

    @Test
    void updateByKeyReturnsTheChangedRowAsOneObject() {
        server.enqueue(Scripted.json(200, """
                {"story_id":"11111111-2222-4333-8444-555555555555","title":"T","status":"COMPLETED"}"""));

        TestStory story = client.rest().from("stories").update(Map.of("status", Status.COMPLETED))
                .filter(Filter.eq("story_id", STORY)).single(TestStory.class).join();

        Recorded request = server.onlyRequest();
        assertEquals("PATCH", request.method());
        assertEquals("select=%2A&story_id=eq." + STORY, request.rawQuery());
        assertEquals("return=representation", request.header("Prefer"));
        assertEquals("application/vnd.pgrst.object+json", request.header("Accept"));
        assertEquals("{\"status\":\"COMPLETED\"}", request.body());
        assertWriteHeaders(request);
        assertEquals(new TestStory(STORY, "T", Status.COMPLETED), story);
    }

    @Test
    void updateClearingAColumnSendsJsonNull() {
        server.enqueue(Scripted.status(204));
        Map<String, Object> changes = new HashMap<>();
        changes.put("image_url", null);

        client.rest().from("scenes").update(changes).filter(Filter.eq("scene_id", SCENE)).execute().join();

        assertEquals("{\"image_url\":null}", server.onlyRequest().body());
    }

    @Test
    void deleteCountsAffectedRowsAndCarriesContentTypeWithoutBody() {
        server.enqueue(Scripted.status(204).header("Content-Range", "*/3"));

        int deleted = client.rest().from("scenes").delete().filter(Filter.eq("story_id", STORY)).affectedRows().join();

        Recorded request = server.onlyRequest();
        assertEquals(3, deleted);
        assertEquals("DELETE", request.method());
        assertEquals("story_id=eq." + STORY, request.rawQuery());
        assertEquals("count=exact", request.header("Prefer"));
        assertEquals("", request.body());
        assertWriteHeaders(request);
    }

    @Test
    void unfilteredUpdateOrDeleteIsRefusedBeforeAnythingIsSent() {
        assertThrows(IllegalStateException.class, () -> client.rest().from("scenes").delete().execute());
        assertThrows(IllegalStateException.class,
                () -> client.rest().from("scenes").update(Map.of("text", "x")).affectedRows());
        assertTrue(server.requests().isEmpty());
    }

    @Test
    void rpcPostsNamedArgumentsAndDecodesAnArray() {
        server.enqueue(Scripted.json(200, """
                [{"story_id":"11111111-2222-4333-8444-555555555555","title":"A","status":"PENDING"}]"""));

        List<TestStory> found = client.rest().rpc("search_stories", Map.of("term", "a%b")).list(TestStory.class).join();

        Recorded request = server.onlyRequest();
        assertEquals("POST", request.method());
        assertEquals("/rest/v1/rpc/search_stories", request.rawPath());
        assertEquals("{\"term\":\"a%b\"}", request.body());
        assertWriteHeaders(request);
        assertEquals(List.of(new TestStory(STORY, "A", Status.PENDING)), found);
    }

    @Test
    void rpcDecodesScalarsAndVoid() {
        server.enqueue(Scripted.json(200, "3"), Scripted.status(204), Scripted.status(204));

        assertEquals(3, client.rest().rpc("count_scenes", Map.of("story_id", STORY)).value(Integer.class).join());
        assertNull(client.rest().rpc("reorder_scenes", null).value(Integer.class).join());
        client.rest().rpc("reorder_scenes", Map.of()).execute().join();

        assertEquals("{}", server.request(1).body());
        assertEquals("{}", server.request(2).body());
    }
}
