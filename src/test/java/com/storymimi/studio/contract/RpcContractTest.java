package com.storymimi.studio.contract;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static com.storymimi.studio.contract.Check.body;
import static com.storymimi.studio.contract.Check.column;
import static com.storymimi.studio.contract.Check.error;
import static com.storymimi.studio.contract.Check.header;
import static com.storymimi.studio.contract.Check.json;
import static com.storymimi.studio.contract.Check.status;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

/** The four RPC functions of supabase/migrations: results, errors, atomicity and row-level security. */
class RpcContractTest {

    private static HttpResponse<String> rpc(Backend b, Backend.Caller caller, String fn, String args, String... headers) {
        return b.send(caller, "POST", "/rpc/" + fn, args, headers);
    }

    private static String create(Scratch s, String storyId, String title, String scenes) {
        return "{\"story\":{\"story_id\":\"" + storyId + "\",\"title\":\"" + title + "\",\"prompt\":\"" + s.tag
                + "\"},\"scenes\":" + scenes + "}";
    }

    @ContractTest
    void createStoryWithScenesReturnsTheStoryAndOrderedScenes(Backends.Lazy backend) {
        Backend b = backend.get();
        try (Scratch s = new Scratch(b)) {
            String id = UUID.randomUUID().toString();
            HttpResponse<String> created = rpc(b, b.editor(), "create_story_with_scenes", create(s, id, "The 100% Dragon",
                    "[{\"sequence\":2,\"text\":\"two\"},{\"sequence\":1,\"text\":\"one\",\"image_url\":\"i.png\"}]"));

            status(200, created);
            assertEquals("0-0/*", header(created, "Content-Range"));
            JsonObject story = body(created).getAsJsonObject();
            assertEquals(id, story.get("story_id").getAsString());
            assertEquals("PENDING", story.get("status").getAsString());
            assertEquals(s.tag, story.get("prompt").getAsString());
            JsonArray scenes = story.getAsJsonArray("scenes");
            assertEquals(2, scenes.size());
            assertEquals("one", scenes.get(0).getAsJsonObject().get("text").getAsString());
            assertEquals("i.png", scenes.get(0).getAsJsonObject().get("image_url").getAsString());
            assertEquals(id, scenes.get(1).getAsJsonObject().get("story_id").getAsString());
            assertEquals(story.get("created_at"), scenes.get(1).getAsJsonObject().get("created_at"), "one transaction, one now()");
            error(409, "23505", "duplicate key value violates unique constraint \"stories_pkey\"", null, null,
                    rpc(b, b.editor(), "create_story_with_scenes", create(s, id, "again", "[]")));
        }
    }

    @ContractTest
    void createStoryWithScenesIsAllOrNothing(Backends.Lazy backend) {
        Backend b = backend.get();
        try (Scratch s = new Scratch(b)) {
            String id = UUID.randomUUID().toString();
            error(409, "23505", "duplicate key value violates unique constraint \"scenes_story_id_sequence_key\"", null, null,
                    rpc(b, b.editor(), "create_story_with_scenes", create(s, id, "dup", "[{\"sequence\":1},{\"sequence\":1}]")));
            error(400, "23502", "null value in column \"sequence\" of relation \"scenes\" violates not-null constraint",
                    null, null, rpc(b, b.editor(), "create_story_with_scenes", create(s, id, "t", "[{\"text\":\"a\"}]")));
            error(400, "22P02", "invalid input syntax for type integer: \"1.5\"", null, null,
                    rpc(b, b.editor(), "create_story_with_scenes", create(s, id, "t", "[{\"sequence\":1.5}]")));
            error(400, "23514", "new row for relation \"stories\" violates check constraint \"stories_status_check\"",
                    null, null, rpc(b, b.editor(), "create_story_with_scenes",
                            "{\"story\":{\"title\":\"t\",\"status\":\"DONE\"},\"scenes\":[]}"));
            error(400, "22023", "scenes must be a JSON array", null, null,
                    rpc(b, b.editor(), "create_story_with_scenes", create(s, id, "t", "{}")));
            error(401, "42501", "new row violates row-level security policy for table \"stories\"", null, null,
                    rpc(b, b.anon(), "create_story_with_scenes", create(s, id, "t", "[]")));
            json(200, "[]", b.send(b.editor(), "GET", "/stories?story_id=eq." + id, null));
        }
    }

    private static List<String> sceneIds(Backend b, String storyId) {
        return column(b.send(b.editor(), "GET", "/scenes?select=scene_id&order=sequence&story_id=eq." + storyId, null),
                "scene_id");
    }

    @ContractTest
    void reorderScenesPermutesSequencesAtomically(Backends.Lazy backend) {
        Backend b = backend.get();
        try (Scratch s = new Scratch(b)) {
            String story = s.story("reorder", "PENDING", null, "2026-01-01T00:00:00Z");
            for (int i = 1; i <= 3; i++) {
                s.scene(story, i, "s" + i);
            }
            List<String> ids = sceneIds(b, story);
            Map<String, JsonElement> before = new HashMap<>();
            for (JsonElement row : body(b.send(b.editor(), "GET", "/scenes?story_id=eq." + story, null)).getAsJsonArray()) {
                before.put(row.getAsJsonObject().get("scene_id").getAsString(), row.getAsJsonObject().get("updated_at"));
            }
            List<String> wanted = List.of(ids.get(2), ids.get(1), ids.get(0));
            HttpResponse<String> reordered = rpc(b, b.editor(), "reorder_scenes?select=scene_id,sequence,text,updated_at",
                    "{\"p_story_id\":\"" + story + "\",\"p_scene_ids\":" + jsonArray(wanted) + "}");

            status(200, reordered);
            assertEquals("0-2/*", header(reordered, "Content-Range"));
            assertEquals(List.of("s3", "s2", "s1"), column(reordered, "text"));
            assertEquals(List.of("1", "2", "3"), column(reordered, "sequence"));
            JsonArray rows = body(reordered).getAsJsonArray();
            assertNotEquals(before.get(ids.get(2)), rows.get(0).getAsJsonObject().get("updated_at"), "moved");
            assertEquals(before.get(ids.get(1)), rows.get(1).getAsJsonObject().get("updated_at"), "not moved");
            assertEquals(wanted, sceneIds(b, story));
        }
    }

    @ContractTest
    void reorderScenesErrors(Backends.Lazy backend) {
        Backend b = backend.get();
        try (Scratch s = new Scratch(b)) {
            String story = s.story("reorder", "PENDING", null, "2026-01-01T00:00:00Z");
            for (int i = 1; i <= 3; i++) {
                s.scene(story, i, "s" + i);
            }
            List<String> ids = sceneIds(b, story);
            String missing = UUID.randomUUID().toString();
            error(409, "PT409", "scene ids do not match the scenes of the story", "The story has 3 scenes; 2 ids were given.",
                    "Reload the story's scenes and send all of their ids in the new order.",
                    rpc(b, b.editor(), "reorder_scenes", args(story, ids.subList(0, 2))));
            error(400, "22023", "p_scene_ids contains duplicate scene ids", null, null,
                    rpc(b, b.editor(), "reorder_scenes", args(story, List.of(ids.get(0), ids.get(0), ids.get(1)))));
            error(404, "PT404", "story not found", "No story with story_id " + missing + " is visible.", null,
                    rpc(b, b.editor(), "reorder_scenes", args(missing, ids)));
            error(404, "PT404", "story not found", "No story with story_id " + story + " is visible.", null,
                    rpc(b, b.anon(), "reorder_scenes", args(story, ids)));
            error(400, "22P02", "invalid input syntax for type uuid: \"x\"", null, null,
                    rpc(b, b.editor(), "reorder_scenes", "{\"p_story_id\":\"" + story + "\",\"p_scene_ids\":[\"x\"]}"));
            error(405, "25006", "cannot execute SELECT FOR UPDATE in a read-only transaction", null, null,
                    b.send(b.editor(), "GET", "/rpc/reorder_scenes?p_story_id=" + story + "&p_scene_ids=%7B%7D", null));
            assertEquals(ids, sceneIds(b, story), "failed calls changed nothing");
        }
    }

    private static String args(String story, List<String> ids) {
        return "{\"p_story_id\":\"" + story + "\",\"p_scene_ids\":" + jsonArray(ids) + "}";
    }

    private static String jsonArray(List<String> values) {
        JsonArray array = new JsonArray();
        values.forEach(array::add);
        return array.toString();
    }

    @ContractTest
    void searchStoriesIsLiteralCaseInsensitiveAndNewestFirst(Backends.Lazy backend) {
        Backend b = backend.get();
        try (Scratch s = new Scratch(b)) {
            String t = s.tag;
            s.story(t + " The 100% Dragon", "PENDING", null, "2026-01-01T00:00:01Z");
            s.story(t + " 1000 Dragons", "PENDING", null, "2026-01-01T00:00:02Z");
            s.story(t + " snake_case \\ back", "PENDING", null, "2026-01-01T00:00:03Z");
            s.story(t + " ÄRGER", "PENDING", null, "2026-01-01T00:00:04Z");
            String select = "?select=title";

            assertEquals(List.of(t + " The 100% Dragon"), column(rpc(b, b.editor(), "search_stories" + select,
                    term(t + " The 100%")), "title"));
            assertEquals(List.of(t + " 1000 Dragons", t + " The 100% Dragon"),
                    column(rpc(b, b.editor(), "search_stories?select=title,prompt&prompt=eq." + t, term("DRAG")), "title"));
            error(400, "42703", "column stories.prompt does not exist", null, null,
                    rpc(b, b.editor(), "search_stories?select=title&prompt=eq." + t, term("DRAG")));
            assertEquals(List.of(), column(rpc(b, b.editor(), "search_stories" + select, term(t + " 1_00")), "title"));
            assertEquals(List.of(t + " snake_case \\ back"), column(rpc(b, b.editor(), "search_stories" + select,
                    term(t + " snake_case \\")), "title"));
            assertEquals(List.of(t + " ÄRGER"), column(rpc(b, b.editor(), "search_stories" + select, term(t + " ärger")), "title"));
            assertEquals(List.of(), column(rpc(b, b.editor(), "search_stories" + select, term(t + "%")), "title"));
            assertEquals(List.of(), column(rpc(b, b.anon(), "search_stories" + select, term(t)), "title"));

            HttpResponse<String> paged = rpc(b, b.editor(), "search_stories?select=title&limit=1", term(t), "Prefer", "count=exact");
            json(206, "[{\"title\":\"" + t + " ÄRGER\"}]", paged);
            assertEquals("0-0/4", header(paged, "Content-Range"));
            HttpResponse<String> ordered = b.send(b.editor(), "GET", "/rpc/search_stories?term=" + t
                    + "&max_results=2&result_offset=1&select=title&order=title.asc", null);
            assertEquals(List.of(t + " 1000 Dragons", t + " snake_case \\ back"), column(ordered, "title"));
            HttpResponse<String> filtered = rpc(b, b.editor(), "search_stories?select=title&title=like.*Dragon*", term(t));
            assertEquals(List.of(t + " 1000 Dragons", t + " The 100% Dragon"), column(filtered, "title"));
        }
    }

    private static String term(String term) {
        JsonObject args = new JsonObject();
        args.addProperty("term", term);
        return args.toString();
    }

    @ContractTest
    void storyStatusCountsListsAllFourStatuses(Backends.Lazy backend) {
        Backend b = backend.get();
        try (Scratch s = new Scratch(b)) {
            List<Long> before = counts(rpc(b, b.editor(), "story_status_counts", "{}"));
            s.story("g1", "GENERATING", null, "2026-01-01T00:00:00Z");
            s.story("g2", "GENERATING", null, "2026-01-01T00:00:00Z");
            s.story("e1", "ERROR", null, "2026-01-01T00:00:00Z");
            HttpResponse<String> after = rpc(b, b.editor(), "story_status_counts", "{}");

            status(200, after);
            assertEquals("0-3/*", header(after, "Content-Range"));
            assertEquals(List.of("PENDING", "GENERATING", "COMPLETED", "ERROR"), column(after, "status"));
            List<Long> now = counts(after);
            assertEquals(List.of(0L, 2L, 0L, 1L), List.of(now.get(0) - before.get(0), now.get(1) - before.get(1),
                    now.get(2) - before.get(2), now.get(3) - before.get(3)));
            json(200, "[{\"status\":\"PENDING\",\"count\":0},{\"status\":\"GENERATING\",\"count\":0},"
                    + "{\"status\":\"COMPLETED\",\"count\":0},{\"status\":\"ERROR\",\"count\":0}]",
                    b.send(b.anon(), "GET", "/rpc/story_status_counts", null));
            json(200, "[{\"status\":\"ERROR\",\"count\":" + now.get(3) + "}]",
                    b.send(b.editor(), "GET", "/rpc/story_status_counts?select=status,count&status=eq.ERROR", null));
            error(400, "42703", "column record.status does not exist", null, null,
                    b.send(b.editor(), "GET", "/rpc/story_status_counts?select=count&status=eq.ERROR", null));
        }
    }

    private static List<Long> counts(HttpResponse<String> response) {
        List<Long> counts = new ArrayList<>();
        column(response, "count").forEach(c -> counts.add(Long.parseLong(c)));
        return counts;
    }

    @ContractTest
    void unknownFunctionsAndArgumentNamesAre404(Backends.Lazy backend) {
        Backend b = backend.get();
        error(404, "PGRST202", "Could not find the function public.nosuch without parameters in the schema cache",
                "Searched for the function public.nosuch without parameters or with a single unnamed json/jsonb "
                        + "parameter, but no matches were found in the schema cache.", null,
                rpc(b, b.editor(), "nosuch", "{}"));
        error(404, "PGRST202", "Could not find the function public.search_stories(q) in the schema cache",
                "Searched for the function public.search_stories with parameter q or with a single unnamed json/jsonb "
                        + "parameter, but no matches were found in the schema cache.", null,
                rpc(b, b.editor(), "search_stories", "{\"q\":\"x\"}"));
        error(404, "PGRST202", "Could not find the function public.reorder_scenes(p_story_id) in the schema cache",
                "Searched for the function public.reorder_scenes with parameter p_story_id or with a single unnamed "
                        + "json/jsonb parameter, but no matches were found in the schema cache.", null,
                rpc(b, b.editor(), "reorder_scenes", "{\"p_story_id\":\"" + UUID.randomUUID() + "\"}"));
        error(404, "PGRST202", "Could not find the function public.reorder_scenes(p_scene_idz, p_story_id) in the "
                        + "schema cache", "Searched for the function public.reorder_scenes with parameters p_scene_idz, "
                        + "p_story_id or with a single unnamed json/jsonb parameter, but no matches were found in the "
                        + "schema cache.",
                "Perhaps you meant to call the function public.reorder_scenes(p_expected_ids, p_scene_ids, p_story_id)",
                rpc(b, b.editor(), "reorder_scenes", "{\"p_story_id\":\"" + UUID.randomUUID() + "\",\"p_scene_idz\":[]}"));
        error(404, "PGRST202", "Could not find the function public.search_stories(max_results) in the schema cache",
                "Searched for the function public.search_stories with parameter max_results or with a single unnamed "
                        + "json/jsonb parameter, but no matches were found in the schema cache.",
                "Perhaps you meant to call the function public.search_stories(max_results, result_offset, term)",
                rpc(b, b.editor(), "search_stories", "{\"max_results\":1}"));
        error(400, "22P02", "invalid input syntax for type integer: \"x\"", null, null,
                rpc(b, b.editor(), "search_stories", "{\"term\":\"a\",\"max_results\":\"x\"}"));
    }
}
