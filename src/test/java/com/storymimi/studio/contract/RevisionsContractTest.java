package com.storymimi.studio.contract;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

import java.net.http.HttpResponse;
import java.util.List;

import static com.storymimi.studio.contract.Check.body;
import static com.storymimi.studio.contract.Check.error;
import static com.storymimi.studio.contract.Check.json;
import static com.storymimi.studio.contract.Check.status;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Revisions (supabase/migrations/20261207000004_revisions.sql): every saved change of a story, a scene and a
 * story's scene order is recorded in the same transaction, with who and when; nobody writes revisions directly.
 */
class RevisionsContractTest {

    private static final String EDITOR_ID = "5d2c1b0a-9e8f-4a7b-8c6d-1e2f3a4b5c6d";
    private static final String EDITOR_EMAIL = "revision-editor@storymimi.test";

    private static Backend.Caller knownEditor(Backend b) {
        return b.signed("{\"role\":\"authenticated\",\"sub\":\"" + EDITOR_ID + "\",\"email\":\"" + EDITOR_EMAIL
                + "\",\"exp\":4102444800}");
    }

    private static JsonArray revisions(Backend b, String filter) {
        return body(b.send(b.editor(), "GET", "/revisions?" + filter
                + "&select=kind,scene_id,changes,created_by,created_by_email&order=created_at.asc", null)).getAsJsonArray();
    }

    @ContractTest
    void aSavedTextOrTitleIsRecordedWithWhoAndWhatAndANoOpSaveIsNot(Backends.Lazy backend) {
        Backend b = backend.get();
        try (Scratch s = new Scratch(b)) {
            String story = s.story("Before", "PENDING", null, "2026-01-01T00:00:00Z");
            String scene = s.scene(story, 1, "old text");

            status(204, b.send(knownEditor(b), "PATCH", "/scenes?scene_id=eq." + scene, "{\"text\":\"new text\"}"));
            status(204, b.send(knownEditor(b), "PATCH", "/scenes?scene_id=eq." + scene, "{\"text\":\"new text\"}"));
            status(204, b.send(knownEditor(b), "PATCH", "/stories?story_id=eq." + story,
                    "{\"title\":\"After\",\"status\":\"COMPLETED\",\"prompt\":\"" + s.tag + "\"}"));

            JsonArray recorded = revisions(b, "story_id=eq." + story);
            assertEquals(2, recorded.size(), () -> recorded.toString());
            JsonObject text = recorded.get(0).getAsJsonObject();
            assertEquals("scene", text.get("kind").getAsString());
            assertEquals(scene, text.get("scene_id").getAsString());
            assertEquals(JsonParser.parseString("{\"text\":{\"from\":\"old text\",\"to\":\"new text\"}}"), text.get("changes"));
            assertEquals(EDITOR_ID, text.get("created_by").getAsString());
            assertEquals(EDITOR_EMAIL, text.get("created_by_email").getAsString());
            JsonObject title = recorded.get(1).getAsJsonObject();
            assertEquals("story", title.get("kind").getAsString());
            assertEquals(JsonParser.parseString("{\"title\":{\"from\":\"Before\",\"to\":\"After\"},"
                    + "\"status\":{\"from\":\"PENDING\",\"to\":\"COMPLETED\"}}"), title.get("changes"),
                    "only what changed (the prompt was sent unchanged)");
        }
    }

    @ContractTest
    void aReorderIsOneRevisionWithBothOrdersAndARepeatIsNone(Backends.Lazy backend) {
        Backend b = backend.get();
        try (Scratch s = new Scratch(b)) {
            String story = s.story("Order", "PENDING", null, "2026-01-01T00:00:00Z");
            String one = s.scene(story, 1, "one");
            String two = s.scene(story, 2, "two");
            String three = s.scene(story, 3, "three");
            String wanted = "[\"" + three + "\",\"" + one + "\",\"" + two + "\"]";

            status(200, b.send(b.editor(), "POST", "/rpc/reorder_scenes",
                    "{\"p_story_id\":\"" + story + "\",\"p_scene_ids\":" + wanted + "}"));
            status(200, b.send(b.editor(), "POST", "/rpc/reorder_scenes",
                    "{\"p_story_id\":\"" + story + "\",\"p_scene_ids\":" + wanted + "}"));

            JsonArray recorded = revisions(b, "story_id=eq." + story);
            assertEquals(1, recorded.size(), () -> recorded.toString());
            JsonObject order = recorded.get(0).getAsJsonObject();
            assertEquals("order", order.get("kind").getAsString());
            assertEquals(JsonParser.parseString("{\"order\":{\"from\":[\"" + one + "\",\"" + two + "\",\"" + three
                    + "\"],\"to\":" + wanted + "}}"), order.get("changes"));
        }
    }

    @ContractTest
    void revisionsAreWrittenByTheDatabaseOnlyAndAnonSeesNone(Backends.Lazy backend) {
        Backend b = backend.get();
        try (Scratch s = new Scratch(b)) {
            String story = s.story("Guarded", "PENDING", null, "2026-01-01T00:00:00Z");
            String scene = s.scene(story, 1, "a");
            status(204, b.send(b.editor(), "PATCH", "/scenes?scene_id=eq." + scene, "{\"text\":\"b\"}"));

            error(403, "42501", "permission denied for table revisions", null, null,
                    b.send(b.editor(), "POST", "/revisions",
                            "{\"story_id\":\"" + story + "\",\"kind\":\"scene\",\"changes\":{}}"));
            error(403, "42501", "permission denied for table revisions", null, null,
                    b.send(b.editor(), "DELETE", "/revisions?story_id=eq." + story, null));
            error(403, "42501", "permission denied for table revisions", null, null,
                    b.send(b.service(), "PATCH", "/revisions?story_id=eq." + story, "{\"kind\":\"story\"}"));
            json(200, "[]", b.send(b.anon(), "GET", "/revisions?story_id=eq." + story, null));
            assertEquals(List.of("scene"), Check.column(
                    b.send(b.editor(), "GET", "/revisions?story_id=eq." + story + "&select=kind", null), "kind"));
        }
    }
}
