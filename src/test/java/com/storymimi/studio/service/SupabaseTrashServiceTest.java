package com.storymimi.studio.service;

import com.storymimi.studio.model.MediaRef;
import com.storymimi.studio.model.Scene;
import com.storymimi.studio.model.StoryDetail;
import com.storymimi.studio.model.StoryStatus;
import com.storymimi.studio.model.TrashItem;
import com.storymimi.studio.model.TrashKind;
import com.storymimi.studio.service.ServiceException.Reason;
import com.storymimi.studio.service.trash.SupabaseTrashService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import static com.storymimi.studio.service.SupabaseStoryServiceTest.failureOf;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

/**
 * The trash end to end, on the sandbox and on real PostgREST: deletes through the entity services, then the
 * Trash view's operations (list, restore, undo, delete for good with the media, purge by age).
 */
class SupabaseTrashServiceTest {

    @TempDir
    Path dataDir;

    private ServiceBackend backend;
    private Rows rows;
    private FakeObjectStorage storage;
    private final List<List<MediaRef>> orphans = new ArrayList<>();
    private SupabaseStoryService stories;
    private SupabaseSceneService scenes;
    private SupabaseUserService users;
    private SupabaseTrashService trash;

    private void given(ServiceBackend.Kind kind) throws Exception {
        backend = ServiceBackend.open(kind, dataDir);
        rows = new Rows(backend.client);
        storage = new FakeObjectStorage();
        stories = new SupabaseStoryService(backend.client.rest());
        scenes = new SupabaseSceneService(backend.client.rest());
        users = new SupabaseUserService(backend.client.rest());
        trash = new SupabaseTrashService(backend.client.rest(),
                new MediaRemoval(storage, (objects, cause) -> orphans.add(objects)));
    }

    @AfterEach
    void close() throws Exception {
        if (backend != null) {
            backend.close();
        }
    }

    /** A story with two scenes, the first with an image in Storage. */
    private UUID storyWithMedia(String title, Instant created) throws Exception {
        UUID story = rows.story(title, "", StoryStatus.COMPLETED, null, created);
        MediaRef image = new MediaRef("story-images", story + "/a.png");
        storage.put(image, new byte[] {1});
        rows.scene(story, 1, "one", storage.publicUrl(image.bucket(), image.key()), null);
        rows.scene(story, 2, "two", null, null);
        return story;
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(ServiceBackend.Kind.class)
    void aDeletedStoryIsListedAndRestoresWithItsScenesAndMediaAsTheyWere(ServiceBackend.Kind kind) throws Exception {
        given(kind);
        UUID story = storyWithMedia("The Fox", Instant.parse("2026-01-01T00:00:00Z"));
        StoryDetail before = stories.detail(story).join().orElseThrow();

        stories.delete(story).join();
        List<TrashItem> listed = trash.list(50).join();

        assertEquals(1, listed.size());
        TrashItem item = listed.getFirst();
        assertEquals(TrashKind.STORY, item.kind());
        assertEquals(story, item.itemId());
        assertEquals("The Fox", item.label());
        assertEquals(2, item.sceneCount());
        assertNotNull(item.deletedByEmail(), "the signed-in editor is recorded");

        assertEquals(item, trash.restore(item.trashId()).join());
        assertEquals(before, stories.detail(story).join().orElseThrow(), "ids, texts, media URLs and timestamps");
        assertEquals(List.of(), trash.list(50).join());
        assertEquals(1, storage.objects.size(), "nothing left Storage");
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(ServiceBackend.Kind.class)
    void undoingASceneDeletePutsItBackInItsPlace(ServiceBackend.Kind kind) throws Exception {
        given(kind);
        UUID story = storyWithMedia("Steps", Instant.parse("2026-01-01T00:00:00Z"));
        rows.scene(story, 3, "three", null, null);
        Scene two = scenes.list(story).join().get(1);

        assertEquals(List.of("one", "three"), scenes.delete(two).join().stream().map(Scene::text).toList());
        trash.restoreLatest(TrashKind.SCENE, two.sceneId()).join();

        assertEquals(List.of("one", "two", "three"), scenes.list(story).join().stream().map(Scene::text).toList());
        assertEquals(two, scenes.list(story).join().get(1));
        trash.restoreLatest(TrashKind.SCENE, two.sceneId()).join(); // a repeat (after a lost answer) is done
        assertEquals(3, scenes.list(story).join().size());
        assertEquals(Reason.NOT_FOUND, failureOf(trash.restoreLatest(TrashKind.SCENE, UUID.randomUUID())).reason(),
                "neither in the trash nor back");
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(ServiceBackend.Kind.class)
    void deletingForGoodRemovesTheItemsMediaAndNothingElse(ServiceBackend.Kind kind) throws Exception {
        given(kind);
        UUID first = storyWithMedia("First", Instant.parse("2026-01-01T00:00:00Z"));
        UUID second = storyWithMedia("Second", Instant.parse("2026-01-01T00:00:01Z"));
        stories.delete(first).join();
        stories.delete(second).join();
        UUID firstItem = trash.list(50).join().stream().filter(item -> item.itemId().equals(first))
                .findFirst().orElseThrow().trashId();

        assertEquals(1, trash.deleteForever(List.of(firstItem)).join());

        assertEquals(Set.of(new MediaRef("story-images", second + "/a.png")), storage.objects.keySet());
        assertEquals(List.of(second), trash.list(50).join().stream().map(TrashItem::itemId).toList());
        assertEquals(Reason.NOT_FOUND, failureOf(trash.restore(firstItem)).reason());
        assertEquals(0, trash.deleteForever(List.of(firstItem)).join(), "a repeat deletes nothing");
        assertEquals(List.of(), orphans);
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(ServiceBackend.Kind.class)
    void aReplacedImageIsListedRestoredAndDeletedForGoodUnlessASceneNamesItAgain(ServiceBackend.Kind kind)
            throws Exception {
        given(kind);
        UUID story = storyWithMedia("Lamps", Instant.parse("2026-01-01T00:00:00Z"));
        Scene one = scenes.list(story).join().getFirst();
        String old = one.imageUrl();
        MediaRef newer = new MediaRef("story-images", story + "/b.png");
        storage.put(newer, new byte[] {2});
        backend.client.rest().rpc("set_scene_media", java.util.Map.of("p_scene_id", one.sceneId(), "p_kind", "image",
                "p_url", storage.publicUrl(newer.bucket(), newer.key()), "p_expected_updated_at", one.updatedAt())).execute().join();

        TrashItem item = trash.list(50).join().getFirst();
        assertEquals(TrashKind.IMAGE, item.kind());
        assertEquals(one.sceneId(), item.itemId());
        assertEquals("Lamps", item.parentLabel());
        trash.restore(item.trashId()).join();
        assertEquals(old, scenes.list(story).join().getFirst().imageUrl());
        TrashItem replacing = trash.list(50).join().getFirst();
        assertEquals(TrashKind.IMAGE, replacing.kind(), "the image it replaced waits in its place");

        // Someone points the scene at the kept image by hand (not through the trash), then the trash is emptied.
        backend.client.rest().from("scenes").update(java.util.Map.of("image_url", storage.publicUrl(newer.bucket(), newer.key())))
                .filter(com.storymimi.studio.supabase.rest.Filter.eq("scene_id", one.sceneId())).execute().join();
        assertEquals(1, trash.deleteForever(List.of(replacing.trashId())).join());
        assertEquals(true, storage.objects.containsKey(newer), "an object a scene names is never removed");
        assertEquals(List.of(), orphans);
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(ServiceBackend.Kind.class)
    void whenObjectRemovalFailsTheItemIsStillGoneAndTheObjectsAreReported(ServiceBackend.Kind kind) throws Exception {
        given(kind);
        UUID story = storyWithMedia("With media", Instant.parse("2026-01-01T00:00:00Z"));
        stories.delete(story).join();
        storage.failRemovals = true;

        assertEquals(1, trash.deleteForever(List.of(trash.list(1).join().getFirst().trashId())).join());

        assertEquals(List.of(), trash.list(50).join(), "the item is not resurrected");
        assertEquals(List.of(List.of(new MediaRef("story-images", story + "/a.png"))), orphans);
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(ServiceBackend.Kind.class)
    void purgingTakesOnlyItemsDeletedBeforeTheCutoff(ServiceBackend.Kind kind) throws Exception {
        given(kind);
        UUID older = storyWithMedia("Older", Instant.parse("2026-01-01T00:00:00Z"));
        UUID newer = rows.story("Newer", "", StoryStatus.PENDING, null, Instant.parse("2026-01-01T00:00:01Z"));
        stories.delete(older).join();
        stories.delete(newer).join();
        TrashItem newerItem = trash.list(1).join().getFirst();

        assertEquals(1, trash.purgeDeletedBefore(newerItem.deletedAt()).join());

        assertEquals(List.of(newerItem), trash.list(50).join());
        assertEquals(Set.of(), storage.objects.keySet(), "the older item's image went with it");
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(ServiceBackend.Kind.class)
    void aRestoreThatCannotBeDoneSaysWhyAndKeepsTheItem(ServiceBackend.Kind kind) throws Exception {
        given(kind);
        UUID ana = rows.user("Ana");
        UUID story = rows.story("Ana's", "", StoryStatus.PENDING, ana, Instant.parse("2026-01-01T00:00:00Z"));
        UUID lonely = rows.story("Lonely", "", StoryStatus.PENDING, null, Instant.parse("2026-01-01T00:00:01Z"));
        UUID sceneId = rows.scene(lonely, 1, "orphan", null, null);
        Scene loaded = scenes.list(lonely).join().getFirst();

        stories.delete(story).join();
        users.delete(ana).join();
        assertEquals(Reason.INVALID, failureOf(trash.restoreLatest(TrashKind.STORY, story)).reason(), "its user is in the trash");

        scenes.delete(loaded).join();
        stories.delete(lonely).join();
        assertEquals(Reason.INVALID, failureOf(trash.restoreLatest(TrashKind.SCENE, sceneId)).reason(), "its story is in the trash");

        rows.user("Ana"); // a new Ana takes the email
        assertEquals(Reason.DUPLICATE, failureOf(trash.restoreLatest(TrashKind.USER, ana)).reason());
        assertEquals(4, trash.list(50).join().size(), "every item is still in the trash");
    }
}
