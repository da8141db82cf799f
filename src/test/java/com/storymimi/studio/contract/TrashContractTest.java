package com.storymimi.studio.contract;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.UUID;

import static com.storymimi.studio.contract.Check.body;
import static com.storymimi.studio.contract.Check.column;
import static com.storymimi.studio.contract.Check.error;
import static com.storymimi.studio.contract.Check.json;
import static com.storymimi.studio.contract.Check.status;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The trash (supabase/migrations/20261207000003_trash.sql): trash_user, trash_story and trash_scene move rows
 * into one trash item each, out of every read; restore_trash puts them back exactly as they were; a plain
 * DELETE on /trash deletes for good and hands back the rows (so the caller knows which media to remove).
 */
class TrashContractTest {

    /** A signed-in editor with a known id and email, to check "deleted by". */
    private static final String EDITOR_ID = "3f0c6a52-8d1e-4c7b-9a2f-6b5e4d3c2a10";
    private static final String EDITOR_EMAIL = "trash-editor@storymimi.test";

    private static Backend.Caller knownEditor(Backend b) {
        return b.signed("{\"role\":\"authenticated\",\"sub\":\"" + EDITOR_ID + "\",\"email\":\"" + EDITOR_EMAIL
                + "\",\"exp\":4102444800}");
    }

    private static HttpResponse<String> rpc(Backend b, Backend.Caller caller, String function, String argument, String id) {
        return b.send(caller, "POST", "/rpc/" + function, "{\"" + argument + "\":\"" + id + "\"}");
    }

    private static HttpResponse<String> restore(Backend b, String trashId) {
        return rpc(b, b.editor(), "restore_trash", "p_trash_id", trashId);
    }

    private static String storyWithScenes(Backend b, String storyId) {
        return b.send(b.editor(), "GET", "/stories?story_id=eq." + storyId + "&select=*,scenes(*)", null).body();
    }

    private static List<String> texts(Backend b, String storyId) {
        return column(b.send(b.editor(), "GET", "/scenes?story_id=eq." + storyId + "&select=text&order=sequence", null),
                "text");
    }

    @ContractTest
    void aTrashedStoryLeavesEveryReadAndComesBackExactlyAsItWas(Backends.Lazy backend) {
        Backend b = backend.get();
        try (Scratch s = new Scratch(b)) {
            String user = s.user("tess");
            String story = s.story("The Fox", "COMPLETED", user, "2026-01-01T00:00:00Z");
            s.scene(story, 1, "one");
            String second = s.scene(story, 2, "two");
            status(204, b.send(b.editor(), "PATCH", "/scenes?scene_id=eq." + second,
                    "{\"image_url\":\"scene-images/" + s.tag + ".png\"}"));
            String before = storyWithScenes(b, story);

            HttpResponse<String> trashed = rpc(b, knownEditor(b), "trash_story", "p_story_id", story);
            status(200, trashed);
            JsonObject item = body(trashed).getAsJsonObject();
            assertEquals("story", item.get("kind").getAsString());
            assertEquals(story, item.get("item_id").getAsString());
            assertEquals("The Fox", item.get("label").getAsString());
            assertEquals(user, item.get("parent_id").getAsString());
            assertEquals("tess", item.get("parent_label").getAsString());
            assertEquals(1, item.get("story_count").getAsInt());
            assertEquals(2, item.get("scene_count").getAsInt());
            assertEquals(EDITOR_ID, item.get("deleted_by").getAsString());
            assertEquals(EDITOR_EMAIL, item.get("deleted_by_email").getAsString());
            assertEquals(false, item.has("rows"), "the answer leaves the rows out");

            json(200, "[]", b.send(b.editor(), "GET", "/stories?story_id=eq." + story, null));
            json(200, "[]", b.send(b.editor(), "GET", "/scenes?story_id=eq." + story, null));
            json(200, "[]", b.send(b.service(), "GET", "/stories?story_id=eq." + story, null));
            HttpResponse<String> listed = b.send(b.editor(), "GET", "/trash?item_id=eq." + story + "&select=trash_id,rows", null);
            assertEquals(List.of(item.get("trash_id").getAsString()), column(listed, "trash_id"));
            JsonObject rows = body(listed).getAsJsonArray().get(0).getAsJsonObject().getAsJsonObject("rows");
            assertEquals("scene-images/" + s.tag + ".png", rows.getAsJsonArray("scenes").get(1).getAsJsonObject()
                    .get("image_url").getAsString(), "the rows keep the media paths");
            assertEquals(0, rows.getAsJsonArray("users").size());

            HttpResponse<String> restored = restore(b, item.get("trash_id").getAsString());
            status(200, restored);
            assertEquals(item, body(restored), "restore answers with the item it restored");
            assertEquals(Check.body(b.send(b.editor(), "GET", "/stories?story_id=eq." + story + "&select=*,scenes(*)", null)),
                    com.google.gson.JsonParser.parseString(before), "ids, texts, media and timestamps as before");
            json(200, "[]", b.send(b.editor(), "GET", "/trash?item_id=eq." + story, null));
        }
    }

    @ContractTest
    void aTrashedSceneClosesItsGapAndReturnsToItsPlaceOrTheEnd(Backends.Lazy backend) {
        Backend b = backend.get();
        try (Scratch s = new Scratch(b)) {
            String story = s.story("Steps", "PENDING", null, "2026-01-01T00:00:00Z");
            s.scene(story, 1, "one");
            String two = s.scene(story, 2, "two");
            String three = s.scene(story, 3, "three");

            HttpResponse<String> first = rpc(b, b.editor(), "trash_scene", "p_scene_id", two);
            status(200, first);
            JsonObject twoItem = body(first).getAsJsonObject();
            assertEquals("two", twoItem.get("label").getAsString());
            assertEquals("Steps", twoItem.get("parent_label").getAsString());
            assertEquals(story, twoItem.get("parent_id").getAsString());
            assertEquals(List.of("one", "three"), texts(b, story));
            assertEquals(List.of("1", "2"), column(b.send(b.editor(), "GET",
                    "/scenes?story_id=eq." + story + "&select=sequence&order=sequence", null), "sequence"));

            String threeTrash = body(rpc(b, b.editor(), "trash_scene", "p_scene_id", three)).getAsJsonObject()
                    .get("trash_id").getAsString();
            assertEquals(List.of("one"), texts(b, story));

            status(200, restore(b, twoItem.get("trash_id").getAsString()));
            assertEquals(List.of("one", "two"), texts(b, story), "position 2 is the end now");
            status(200, restore(b, threeTrash));
            assertEquals(List.of("one", "three", "two"), texts(b, story), "back at position 2, the rest moves down");
        }
    }

    @ContractTest
    void aTrashedUserTakesTheirStoriesAlongAndAStoryWaitsForItsUser(Backends.Lazy backend) {
        Backend b = backend.get();
        try (Scratch s = new Scratch(b)) {
            String user = s.user("uma");
            String kept = s.story("Kept", "PENDING", user, "2026-01-01T00:00:00Z");
            s.scene(kept, 1, "kept scene");
            String alone = s.story("Alone", "PENDING", user, "2026-01-01T00:00:01Z");

            String aloneTrash = body(rpc(b, b.editor(), "trash_story", "p_story_id", alone)).getAsJsonObject()
                    .get("trash_id").getAsString();
            HttpResponse<String> trashedUser = rpc(b, b.editor(), "trash_user", "p_user_id", user);
            status(200, trashedUser);
            JsonObject userItem = body(trashedUser).getAsJsonObject();
            assertEquals("uma", userItem.get("label").getAsString());
            assertEquals("uma-" + s.tag + "@example.test", userItem.get("parent_label").getAsString());
            assertEquals(1, userItem.get("story_count").getAsInt());
            assertEquals(1, userItem.get("scene_count").getAsInt());
            json(200, "[]", b.send(b.editor(), "GET", "/users?user_id=eq." + user, null));
            json(200, "[]", b.send(b.editor(), "GET", "/stories?story_id=eq." + kept, null));

            error(409, "23503", "the story's user is not there any more",
                    "No user with user_id " + user + " exists.",
                    "Restore the user from the trash first.", restore(b, aloneTrash));

            status(200, restore(b, userItem.get("trash_id").getAsString()));
            assertEquals(List.of("kept scene"), texts(b, kept));
            status(200, restore(b, aloneTrash));
            assertEquals(List.of("Alone", "Kept"), column(b.send(b.editor(), "GET",
                    "/stories?user_id=eq." + user + "&select=title&order=title", null), "title"));
        }
    }

    @ContractTest
    void aSceneWaitsForItsStoryAndATakenEmailKeepsTheUserInTheTrash(Backends.Lazy backend) {
        Backend b = backend.get();
        try (Scratch s = new Scratch(b)) {
            String story = s.story("Gone", "PENDING", null, "2026-01-01T00:00:00Z");
            String scene = s.scene(story, 1, "orphan");
            String sceneTrash = body(rpc(b, b.editor(), "trash_scene", "p_scene_id", scene)).getAsJsonObject()
                    .get("trash_id").getAsString();
            status(200, rpc(b, b.editor(), "trash_story", "p_story_id", story));
            error(409, "23503", "the scene's story is not there any more",
                    "No story with story_id " + story + " exists.",
                    "Restore the story from the trash first.", restore(b, sceneTrash));

            String user = s.user("vic");
            String userTrash = body(rpc(b, b.editor(), "trash_user", "p_user_id", user)).getAsJsonObject()
                    .get("trash_id").getAsString();
            s.user("vic");
            // Postgres leaves the key out of the details for a role that row-level security applies to.
            error(409, "23505", "duplicate key value violates unique constraint \"users_email_key\"", null, null,
                    restore(b, userTrash));
            assertEquals(List.of(userTrash), column(b.send(b.editor(), "GET", "/trash?trash_id=eq." + userTrash
                    + "&select=trash_id", null), "trash_id"), "a failed restore keeps the item");
        }
    }

    @ContractTest
    void missingInvisibleAndMalformedItemsAreRefused(Backends.Lazy backend) {
        Backend b = backend.get();
        try (Scratch s = new Scratch(b)) {
            String missing = UUID.randomUUID().toString();
            error(404, "PT404", "story not found", "No story with story_id " + missing + " is visible.", null,
                    rpc(b, b.editor(), "trash_story", "p_story_id", missing));
            error(404, "PT404", "scene not found", "No scene with scene_id " + missing + " is visible.", null,
                    rpc(b, b.editor(), "trash_scene", "p_scene_id", missing));
            error(404, "PT404", "user not found", "No user with user_id " + missing + " is visible.", null,
                    rpc(b, b.editor(), "trash_user", "p_user_id", missing));
            error(404, "PT404", "trash item not found", "No trash item with trash_id " + missing + " is visible.", null,
                    restore(b, missing));
            error(400, "22P02", "invalid input syntax for type uuid: \"nope\"", null, null,
                    rpc(b, b.editor(), "trash_story", "p_story_id", "nope"));

            String story = s.story("Visible", "PENDING", null, "2026-01-01T00:00:00Z");
            error(404, "PT404", "story not found", "No story with story_id " + story + " is visible.", null,
                    rpc(b, b.anon(), "trash_story", "p_story_id", story));
            error(405, "25006", "cannot execute SELECT FOR UPDATE in a read-only transaction", null, null,
                    b.send(b.editor(), "GET", "/rpc/trash_story?p_story_id=" + story, null));
            String trashId = body(rpc(b, b.editor(), "trash_story", "p_story_id", story)).getAsJsonObject()
                    .get("trash_id").getAsString();
            json(200, "[]", b.send(b.anon(), "GET", "/trash?trash_id=eq." + trashId, null));
            status(200, restore(b, trashId));
            error(404, "PT404", "trash item not found", "No trash item with trash_id " + trashId + " is visible.", null,
                    restore(b, trashId));
        }
    }

    @ContractTest
    void deletingForGoodHandsBackTheRowsOnceAndPurgingByAgeTakesOnlyOlderItems(Backends.Lazy backend) {
        Backend b = backend.get();
        try (Scratch s = new Scratch(b)) {
            String story = s.story("Forever", "PENDING", null, "2026-01-01T00:00:00Z");
            String scene = s.scene(story, 1, "narrated");
            status(204, b.send(b.editor(), "PATCH", "/scenes?scene_id=eq." + scene,
                    "{\"audio_url\":\"scene-audio/" + s.tag + ".mp3\"}"));
            String other = s.story("Later", "PENDING", null, "2026-01-01T00:00:01Z");
            String trashId = body(rpc(b, b.editor(), "trash_story", "p_story_id", story)).getAsJsonObject()
                    .get("trash_id").getAsString();
            JsonObject otherItem = body(rpc(b, b.editor(), "trash_story", "p_story_id", other)).getAsJsonObject();

            HttpResponse<String> gone = b.send(b.editor(), "DELETE", "/trash?trash_id=eq." + trashId
                    + "&select=rows", null, "Prefer", "return=representation");
            status(200, gone);
            JsonElement scenes = body(gone).getAsJsonArray().get(0).getAsJsonObject().getAsJsonObject("rows").get("scenes");
            assertEquals("scene-audio/" + s.tag + ".mp3",
                    scenes.getAsJsonArray().get(0).getAsJsonObject().get("audio_url").getAsString());
            json(200, "[]", b.send(b.editor(), "DELETE", "/trash?trash_id=eq." + trashId, null,
                    "Prefer", "return=representation"));
            error(404, "PT404", "trash item not found", "No trash item with trash_id " + trashId + " is visible.", null,
                    restore(b, trashId));

            String deletedAt = otherItem.get("deleted_at").getAsString();
            json(200, "[]", b.send(b.editor(), "DELETE", "/trash?item_id=eq." + other + "&deleted_at=lt."
                    + Check.enc(deletedAt), null, "Prefer", "return=representation"));
            assertEquals(List.of("Later"), column(b.send(b.editor(), "DELETE", "/trash?item_id=eq." + other
                    + "&deleted_at=lte." + Check.enc(deletedAt) + "&select=label", null,
                    "Prefer", "return=representation"), "label"));
        }
    }
}
