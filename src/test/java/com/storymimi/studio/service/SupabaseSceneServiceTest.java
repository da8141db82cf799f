package com.storymimi.studio.service;

import com.storymimi.studio.model.MediaRef;
import com.storymimi.studio.model.Scene;
import com.storymimi.studio.model.SceneDraft;
import com.storymimi.studio.model.StoryStatus;
import com.storymimi.studio.service.ServiceException.Reason;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import static com.storymimi.studio.service.SupabaseStoryServiceTest.failureOf;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

/** Scenes on both backends: client ids, bulk insert, optimistic text edits, atomic reorder, gap-free deletes. */
class SupabaseSceneServiceTest {

    @TempDir
    Path dataDir;

    private ServiceBackend backend;
    private Rows rows;
    private FakeObjectStorage storage;
    private SupabaseSceneService scenes;
    private UUID story;

    private void given(ServiceBackend.Kind kind) throws Exception {
        backend = ServiceBackend.open(kind, dataDir);
        rows = new Rows(backend.client);
        storage = new FakeObjectStorage();
        scenes = new SupabaseSceneService(backend.client.rest());
        story = rows.story("Story", "", StoryStatus.PENDING, null, Instant.parse("2026-01-01T00:00:00Z"));
    }

    @AfterEach
    void close() throws Exception {
        if (backend != null) {
            backend.close();
        }
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(ServiceBackend.Kind.class)
    void createAllWritesEveryDraftInOneGoAndListOrdersBySequence(ServiceBackend.Kind kind) throws Exception {
        given(kind);

        List<Scene> created = scenes.createAll(story, List.of(new SceneDraft(2, "two"), new SceneDraft(1, "one"))).join();
        Scene third = scenes.create(story, new SceneDraft(3, "three")).join();

        assertEquals(List.of("one", "two"), texts(created));
        assertEquals(List.of("one", "two", "three"), texts(scenes.list(story).join()));
        assertEquals(story, third.storyId());
        assertEquals(3, third.sequence());
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(ServiceBackend.Kind.class)
    void aRetriedBulkCreateWithTheSameIdsDuplicatesNothing(ServiceBackend.Kind kind) throws Exception {
        given(kind);
        List<SceneDraft> drafts = List.of(new SceneDraft(1, "one"), new SceneDraft(2, "two"));
        List<UUID> ids = List.of(UUID.randomUUID(), UUID.randomUUID());
        List<Scene> first = scenes.createAll(story, drafts, ids).join();

        List<Scene> retried = scenes.createAll(story, drafts, ids).join();

        assertEquals(first, retried);
        assertEquals(first, scenes.list(story).join());
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(ServiceBackend.Kind.class)
    void aSequenceTakenAlreadyIsADuplicateAndTheBulkInsertWritesNothing(ServiceBackend.Kind kind) throws Exception {
        given(kind);
        scenes.create(story, new SceneDraft(2, "two")).join();

        ServiceException failure = failureOf(scenes.createAll(story,
                List.of(new SceneDraft(1, "one"), new SceneDraft(2, "two again"))));

        assertEquals(Reason.DUPLICATE, failure.reason());
        assertEquals(List.of("two"), texts(scenes.list(story).join()));
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(ServiceBackend.Kind.class)
    void updateTextFromAStaleCopyIsAConflictAndWritesNothing(ServiceBackend.Kind kind) throws Exception {
        given(kind);
        Scene loaded = scenes.create(story, new SceneDraft(1, "draft")).join();
        Scene saved = scenes.updateText(loaded, "first edit").join();

        ServiceException failure = failureOf(scenes.updateText(loaded, "stale edit"));

        assertEquals("first edit", saved.text());
        ConflictException conflict = assertInstanceOf(ConflictException.class, failure);
        assertEquals(saved, conflict.current(Scene.class).orElseThrow());
        assertEquals(List.of(saved), scenes.list(story).join());
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(ServiceBackend.Kind.class)
    void aSaveRepeatedFromTheSameCopyAfterItLandedIsDoneNotAConflict(ServiceBackend.Kind kind) throws Exception {
        given(kind);
        Scene loaded = scenes.create(story, new SceneDraft(1, "draft")).join();
        Scene saved = scenes.updateText(loaded, "first edit").join(); // its answer lost, the editor saves again

        Scene repeated = scenes.updateText(loaded, "first edit").join();

        assertEquals(saved, repeated, "the repeat returns the row as stored, and writes nothing more");
        assertEquals(List.of(saved), scenes.list(story).join());
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(ServiceBackend.Kind.class)
    void twoEditorsReorderingTheSameStoryDoNotOverwriteEachOther(ServiceBackend.Kind kind) throws Exception {
        given(kind);
        List<UUID> seen = ids(scenes.createAll(story,
                List.of(new SceneDraft(1, "a"), new SceneDraft(2, "b"), new SceneDraft(3, "c"))).join());
        List<UUID> first = List.of(seen.get(2), seen.get(0), seen.get(1));
        List<UUID> second = List.of(seen.get(1), seen.get(0), seen.get(2));

        scenes.reorder(story, seen, first).join();
        ServiceException failure = failureOf(scenes.reorder(story, seen, second));
        List<Scene> repeated = scenes.reorder(story, seen, first).join();

        assertEquals(ServiceException.Reason.CONFLICT, failure.reason());
        assertEquals(List.of("c", "a", "b"), texts(scenes.list(story).join()), "the first editor's order stands");
        assertEquals(List.of("c", "a", "b"), texts(repeated), "a repeat of an order already in place is done");
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(ServiceBackend.Kind.class)
    void reorderAppliesTheNewOrderAtomically(ServiceBackend.Kind kind) throws Exception {
        given(kind);
        List<Scene> created = scenes.createAll(story,
                List.of(new SceneDraft(1, "a"), new SceneDraft(2, "b"), new SceneDraft(3, "c"))).join();

        List<Scene> reordered = scenes.reorder(story, List.of(created.get(2).sceneId(), created.get(0).sceneId(),
                created.get(1).sceneId())).join();

        assertEquals(List.of("c", "a", "b"), texts(reordered));
        assertEquals(List.of(1, 2, 3), reordered.stream().map(Scene::sequence).toList());
        assertEquals(reordered, scenes.list(story).join());
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(ServiceBackend.Kind.class)
    void aReorderWithTheWrongIdsChangesNothing(ServiceBackend.Kind kind) throws Exception {
        given(kind);
        List<Scene> created = scenes.createAll(story,
                List.of(new SceneDraft(1, "a"), new SceneDraft(2, "b"), new SceneDraft(3, "c"))).join();
        UUID c = created.get(2).sceneId();
        UUID a = created.get(0).sceneId();

        ServiceException missingOne = failureOf(scenes.reorder(story, List.of(c, a)));
        ServiceException foreignId = failureOf(scenes.reorder(story, List.of(c, a, UUID.randomUUID())));
        ServiceException twice = failureOf(scenes.reorder(story, List.of(c, a, a)));
        ServiceException noStory = failureOf(scenes.reorder(UUID.randomUUID(), List.of()));

        assertEquals(Reason.CONFLICT, missingOne.reason(), "a stale list: reload and retry");
        assertEquals(Reason.CONFLICT, foreignId.reason());
        assertEquals(Reason.INVALID, twice.reason());
        assertEquals(Reason.NOT_FOUND, noStory.reason());
        assertEquals(created, scenes.list(story).join());
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(ServiceBackend.Kind.class)
    void deleteMovesTheSceneToTheTrashKeepsItsMediaAndClosesTheGap(ServiceBackend.Kind kind) throws Exception {
        given(kind);
        MediaRef image = new MediaRef("story-images", story + "/b.png");
        storage.put(image, new byte[] {1});
        rows.scene(story, 1, "a", null, null);
        UUID b = rows.scene(story, 2, "b", storage.publicUrl(image.bucket(), image.key()), null);
        rows.scene(story, 3, "c", null, null);
        Scene loadedB = scenes.list(story).join().get(1);

        List<Scene> remaining = scenes.delete(loadedB).join();

        assertEquals(b, loadedB.sceneId());
        assertEquals(List.of("a", "c"), texts(remaining));
        assertEquals(List.of(1, 2), remaining.stream().map(Scene::sequence).toList());
        assertEquals(remaining, scenes.list(story).join());
        assertEquals(Set.of(image), storage.objects.keySet(), "the image stays until the trash item is deleted for good");
        List<Scene> trashed = TrashRows.scenesOf(backend.client, b);
        assertEquals(List.of(loadedB), trashed, "the trash keeps the scene as it was");
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(ServiceBackend.Kind.class)
    void deletingASceneThatNeverExistedIsNotFoundAndATrashedOneIsDeletedAlready(ServiceBackend.Kind kind)
            throws Exception {
        given(kind);
        Scene scene = scenes.create(story, new SceneDraft(1, "a")).join();
        scenes.delete(scene).join();
        Scene never = new Scene(UUID.randomUUID(), story, 1, "x", null, null, scene.createdAt(), scene.updatedAt());

        assertEquals(Reason.NOT_FOUND, failureOf(scenes.delete(never)).reason());
        assertEquals(List.of(), scenes.delete(scene).join(), "a repeat (say, after a lost answer) finds it in the trash");
        assertEquals(1, TrashRows.scenesOf(backend.client, scene.sceneId()).size(), "and does not trash it twice");
    }

    private static List<String> texts(List<Scene> list) {
        return list.stream().map(Scene::text).toList();
    }

    private static List<UUID> ids(List<Scene> list) {
        return list.stream().map(Scene::sceneId).toList();
    }
}
