package com.storymimi.studio.contract;

import com.google.gson.JsonObject;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.UUID;

import static com.storymimi.studio.contract.Check.body;
import static com.storymimi.studio.contract.Check.column;
import static com.storymimi.studio.contract.Check.error;
import static com.storymimi.studio.contract.Check.status;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

/**
 * Replaced and removed media in the trash (supabase/migrations/20261207000006_media_trash.sql): set_scene_media
 * changes a scene's image or narration URL and keeps the one it replaces as an image/audio trash item, in one
 * transaction; restore_trash of such an item swaps it back; its rows say which object to remove for good.
 */
class MediaTrashContractTest {

    private static final String OLD = "https://cdn.test/storage/v1/object/public/story-images/old.png";
    private static final String NEW = "https://cdn.test/storage/v1/object/public/story-images/new.png";

    private static HttpResponse<String> setMedia(Backend b, String sceneId, String kind, String url, String expected) {
        return b.send(b.editor(), "POST", "/rpc/set_scene_media", "{\"p_scene_id\":\"" + sceneId + "\",\"p_kind\":"
                + (kind == null ? "null" : "\"" + kind + "\"") + ",\"p_url\":" + (url == null ? "null" : "\"" + url + "\"")
                + ",\"p_expected_updated_at\":" + (expected == null ? "null" : "\"" + expected + "\"") + "}");
    }

    private static JsonObject scene(Backend b, String sceneId) {
        return body(b.send(b.editor(), "GET", "/scenes?scene_id=eq." + sceneId, null)).getAsJsonArray().get(0)
                .getAsJsonObject();
    }

    private static HttpResponse<String> trashOf(Backend b, String sceneId) {
        return b.send(b.editor(), "GET", "/trash?item_id=eq." + sceneId
                + "&select=trash_id,kind,label,parent_id,parent_label,story_count,scene_count,rows&order=deleted_at", null);
    }

    @ContractTest
    void aReplacedImageWaitsInTheTrashAndARestoreSwapsItBack(Backends.Lazy backend) {
        Backend b = backend.get();
        try (Scratch s = new Scratch(b)) {
            String story = s.story("Lanterns", "COMPLETED", null, "2026-01-01T00:00:00Z");
            String sceneId = s.scene(story, 1, "the lantern glows");
            status(204, b.send(b.editor(), "PATCH", "/scenes?scene_id=eq." + sceneId, "{\"image_url\":\"" + OLD + "\"}"));
            JsonObject loaded = scene(b, sceneId);

            HttpResponse<String> set = setMedia(b, sceneId, "image", NEW, loaded.get("updated_at").getAsString());
            status(200, set);
            JsonObject answered = body(set).getAsJsonObject();
            assertEquals(scene(b, sceneId), answered, "the answer is the scene row as stored");
            assertEquals(NEW, answered.get("image_url").getAsString());
            assertNotEquals(loaded.get("updated_at"), answered.get("updated_at"));

            HttpResponse<String> trash = trashOf(b, sceneId);
            assertEquals(List.of("image"), column(trash, "kind"));
            JsonObject item = body(trash).getAsJsonArray().get(0).getAsJsonObject();
            assertEquals("the lantern glows", item.get("label").getAsString());
            assertEquals(story, item.get("parent_id").getAsString());
            assertEquals("Lanterns", item.get("parent_label").getAsString());
            assertEquals(0, item.get("scene_count").getAsInt());
            JsonObject kept = item.getAsJsonObject("rows").getAsJsonArray("media").get(0).getAsJsonObject();
            assertEquals(sceneId, kept.get("scene_id").getAsString());
            assertEquals(OLD, kept.get("image_url").getAsString());
            assertEquals(0, item.getAsJsonObject("rows").getAsJsonArray("scenes").size());

            status(200, b.send(b.editor(), "POST", "/rpc/restore_trash",
                    "{\"p_trash_id\":\"" + item.get("trash_id").getAsString() + "\"}"));
            assertEquals(OLD, scene(b, sceneId).get("image_url").getAsString());
            HttpResponse<String> after = trashOf(b, sceneId);
            assertEquals(List.of("image"), column(after, "kind"), "the image it replaced waits in its place");
            assertEquals(NEW, body(after).getAsJsonArray().get(0).getAsJsonObject().getAsJsonObject("rows")
                    .getAsJsonArray("media").get(0).getAsJsonObject().get("image_url").getAsString());
        }
    }

    @ContractTest
    void removingANarrationKeepsItAndSettingItAgainTakesItOutOfTheTrash(Backends.Lazy backend) {
        Backend b = backend.get();
        try (Scratch s = new Scratch(b)) {
            String story = s.story("Songs", "PENDING", null, "2026-01-01T00:00:00Z");
            String sceneId = s.scene(story, 1, "la la");
            status(200, setMedia(b, sceneId, "audio", OLD, null));
            assertEquals(List.of(), column(trashOf(b, sceneId), "kind"), "nothing was replaced");

            status(200, setMedia(b, sceneId, "audio", null, null));
            assertEquals(true, scene(b, sceneId).get("audio_url").isJsonNull());
            assertEquals(List.of("audio"), column(trashOf(b, sceneId), "kind"));

            status(200, setMedia(b, sceneId, "audio", OLD, null));
            assertEquals(OLD, scene(b, sceneId).get("audio_url").getAsString());
            assertEquals(List.of(), column(trashOf(b, sceneId), "kind"), "in use again: out of the trash");

            JsonObject same = scene(b, sceneId);
            status(200, setMedia(b, sceneId, "audio", OLD, same.get("updated_at").getAsString()));
            assertEquals(same, scene(b, sceneId), "the same URL again changes nothing");
        }
    }

    @ContractTest
    void staleMissingAndMalformedCallsChangeNothing(Backends.Lazy backend) {
        Backend b = backend.get();
        try (Scratch s = new Scratch(b)) {
            String story = s.story("Guarded", "PENDING", null, "2026-01-01T00:00:00Z");
            String sceneId = s.scene(story, 1, "guarded");
            JsonObject loaded = scene(b, sceneId);
            status(204, b.send(b.editor(), "PATCH", "/scenes?scene_id=eq." + sceneId, "{\"text\":\"a colleague's\"}"));

            error(409, "PT409", "scene changed since it was loaded", null, "Reload the scene and try again.",
                    setMedia(b, sceneId, "image", NEW, loaded.get("updated_at").getAsString()));
            error(400, "22023", "p_kind must be 'image' or 'audio'", null, null, setMedia(b, sceneId, "video", NEW, null));
            error(400, "22023", "p_kind must be 'image' or 'audio'", null, null, setMedia(b, sceneId, null, NEW, null));
            String missing = UUID.randomUUID().toString();
            error(404, "PT404", "scene not found", "No scene with scene_id " + missing + " is visible.", null,
                    setMedia(b, missing, "image", NEW, null));
            assertEquals(true, scene(b, sceneId).get("image_url").isJsonNull());
            assertEquals(List.of(), column(trashOf(b, sceneId), "kind"));
        }
    }

    @ContractTest
    void aKeptImageWaitsForItsSceneAndDeletingItForGoodNamesTheObject(Backends.Lazy backend) {
        Backend b = backend.get();
        try (Scratch s = new Scratch(b)) {
            String story = s.story("Waiting", "PENDING", null, "2026-01-01T00:00:00Z");
            String sceneId = s.scene(story, 1, "waiting");
            status(200, setMedia(b, sceneId, "image", OLD, null));
            status(200, setMedia(b, sceneId, "image", NEW, null));
            String kept = column(trashOf(b, sceneId), "trash_id").getFirst();
            status(200, b.send(b.editor(), "POST", "/rpc/trash_scene", "{\"p_scene_id\":\"" + sceneId + "\"}"));

            error(409, "23503", "the scene is not there any more", "No scene with scene_id " + sceneId + " exists.",
                    "Restore the scene from the trash first.",
                    b.send(b.editor(), "POST", "/rpc/restore_trash", "{\"p_trash_id\":\"" + kept + "\"}"));

            HttpResponse<String> deleted = b.send(b.editor(), "DELETE", "/trash?trash_id=eq." + kept
                    + "&select=trash_id,rows", null, "Prefer", "return=representation");
            status(200, deleted);
            assertEquals(OLD, body(deleted).getAsJsonArray().get(0).getAsJsonObject().getAsJsonObject("rows")
                    .getAsJsonArray("media").get(0).getAsJsonObject().get("image_url").getAsString());
        }
    }
}
