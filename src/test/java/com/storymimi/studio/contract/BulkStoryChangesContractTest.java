package com.storymimi.studio.contract;

import com.google.gson.JsonArray;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.UUID;

import static com.storymimi.studio.contract.Check.body;
import static com.storymimi.studio.contract.Check.column;
import static com.storymimi.studio.contract.Check.error;
import static com.storymimi.studio.contract.Check.status;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Bulk changes of several stories (supabase/migrations/20261207000005_bulk_story_changes.sql): all or none, and
 * none when any story changed since the editor loaded it.
 */
class BulkStoryChangesContractTest {

    private static String updatedAt(Backend b, String storyId) {
        return body(b.send(b.editor(), "GET", "/stories?select=updated_at&story_id=eq." + storyId, null))
                .getAsJsonArray().get(0).getAsJsonObject().get("updated_at").getAsString();
    }

    private static String setStatus(List<String> ids, List<String> expected, String status) {
        return "{\"p_story_ids\":" + array(ids) + ",\"p_expected_updated_at\":" + array(expected)
                + ",\"p_status\":\"" + status + "\"}";
    }

    private static String array(List<String> values) {
        JsonArray array = new JsonArray();
        values.forEach(array::add);
        return array.toString();
    }

    private static List<String> statuses(Backend b, Scratch s) {
        return column(b.send(b.editor(), "GET", "/stories?select=status&order=title&prompt=eq." + s.tag, null), "status");
    }

    @ContractTest
    void severalStoriesGetTheStatusTogetherAndEachChangeIsARevision(Backends.Lazy backend) {
        Backend b = backend.get();
        try (Scratch s = new Scratch(b)) {
            String a = s.story("A", "PENDING", null, "2026-01-01T00:00:00Z");
            String c = s.story("C", "ERROR", null, "2026-01-01T00:00:01Z");

            HttpResponse<String> changed = b.send(b.editor(), "POST", "/rpc/set_story_status?order=title",
                    setStatus(List.of(a, c), List.of(updatedAt(b, a), updatedAt(b, c)), "COMPLETED"));

            status(200, changed);
            assertEquals(List.of("A", "C"), column(changed, "title"));
            assertEquals(List.of("COMPLETED", "COMPLETED"), statuses(b, s));
            assertEquals(1, body(b.send(b.editor(), "GET", "/revisions?select=kind&story_id=eq." + c, null))
                    .getAsJsonArray().size());
        }
    }

    @ContractTest
    void oneStoryChangedSinceItWasLoadedChangesNone(Backends.Lazy backend) {
        Backend b = backend.get();
        try (Scratch s = new Scratch(b)) {
            String a = s.story("A", "PENDING", null, "2026-01-01T00:00:00Z");
            String c = s.story("C", "PENDING", null, "2026-01-01T00:00:01Z");
            List<String> loaded = List.of(updatedAt(b, a), updatedAt(b, c));
            status(204, b.send(b.editor(), "PATCH", "/stories?story_id=eq." + c, "{\"status\":\"GENERATING\"}"));

            error(409, "PT409", "stories changed since they were loaded", "1 of 2 stories are as they were loaded.",
                    "Reload the stories and choose again.",
                    b.send(b.editor(), "POST", "/rpc/set_story_status", setStatus(List.of(a, c), loaded, "ERROR")));
            assertEquals(List.of("PENDING", "GENERATING"), statuses(b, s));

            error(409, "PT409", "stories changed since they were loaded", "0 of 1 stories are as they were loaded.",
                    "Reload the stories and choose again.", b.send(b.editor(), "POST", "/rpc/set_story_status",
                            setStatus(List.of(UUID.randomUUID().toString()), List.of(loaded.get(0)), "ERROR")));
        }
    }

    @ContractTest
    void malformedBulkChangesAreRefused(Backends.Lazy backend) {
        Backend b = backend.get();
        try (Scratch s = new Scratch(b)) {
            String a = s.story("A", "PENDING", null, "2026-01-01T00:00:00Z");
            String message = "p_story_ids and p_expected_updated_at must be arrays of equal length without nulls or duplicates";
            error(400, "22023", message, null, null, b.send(b.editor(), "POST", "/rpc/set_story_status",
                    setStatus(List.of(a, a), List.of(updatedAt(b, a), updatedAt(b, a)), "ERROR")));
            error(400, "22023", message, null, null, b.send(b.editor(), "POST", "/rpc/set_story_status",
                    setStatus(List.of(a), List.of(), "ERROR")));
            error(400, "23514", "new row for relation \"stories\" violates check constraint \"stories_status_check\"",
                    null, null, b.send(b.editor(), "POST", "/rpc/set_story_status",
                            setStatus(List.of(a), List.of(updatedAt(b, a)), "DONE")));
            error(400, "22023", "p_story_ids must be an array of story ids without nulls or duplicates", null, null,
                    b.send(b.editor(), "POST", "/rpc/trash_stories", "{\"p_story_ids\":" + array(List.of(a, a)) + "}"));
            assertEquals(List.of("PENDING"), statuses(b, s));
        }
    }

    @ContractTest
    void severalStoriesGoToTheTrashTogetherOrNoneDoes(Backends.Lazy backend) {
        Backend b = backend.get();
        try (Scratch s = new Scratch(b)) {
            String a = s.story("A", "PENDING", null, "2026-01-01T00:00:00Z");
            String c = s.story("C", "PENDING", null, "2026-01-01T00:00:01Z");
            String missing = UUID.randomUUID().toString();

            error(404, "PT404", "story not found", "No story with story_id " + missing + " is visible.", null,
                    b.send(b.editor(), "POST", "/rpc/trash_stories", "{\"p_story_ids\":" + array(List.of(a, missing)) + "}"));
            assertEquals(2, statuses(b, s).size(), "nothing moved");

            HttpResponse<String> trashed = b.send(b.editor(), "POST", "/rpc/trash_stories",
                    "{\"p_story_ids\":" + array(List.of(c, a)) + "}");
            status(200, trashed);
            JsonArray items = body(trashed).getAsJsonArray();
            assertEquals(List.of("C", "A"), List.of(items.get(0).getAsJsonObject().get("label").getAsString(),
                    items.get(1).getAsJsonObject().get("label").getAsString()));
            assertEquals(List.of(), statuses(b, s));
            assertEquals(2, body(b.send(b.editor(), "GET", "/trash?select=trash_id&item_id=in.(" + a + "," + c + ")", null))
                    .getAsJsonArray().size(), "one trash item each");
        }
    }
}
