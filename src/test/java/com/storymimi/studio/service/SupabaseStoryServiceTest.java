package com.storymimi.studio.service;

import com.storymimi.studio.model.MediaRef;
import com.storymimi.studio.model.SceneDraft;
import com.storymimi.studio.model.Scene;
import com.storymimi.studio.model.Story;
import com.storymimi.studio.model.StoryDetail;
import com.storymimi.studio.model.StoryDraft;
import com.storymimi.studio.model.StoryStatus;
import com.storymimi.studio.service.ServiceException.Reason;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Story writes end to end, on the sandbox and on real PostgREST: service → client → HTTP → server. */
class SupabaseStoryServiceTest {

    @TempDir
    Path dataDir;

    private ServiceBackend backend;
    private Rows rows;
    private FakeObjectStorage storage;
    private final List<List<MediaRef>> orphans = new ArrayList<>();
    private SupabaseStoryService stories;

    private void given(ServiceBackend.Kind kind) throws Exception {
        backend = ServiceBackend.open(kind, dataDir);
        rows = new Rows(backend.client);
        storage = new FakeObjectStorage();
        stories = new SupabaseStoryService(backend.client.rest());
    }

    @AfterEach
    void close() throws Exception {
        if (backend != null) {
            backend.close();
        }
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(ServiceBackend.Kind.class)
    void createStoresAPendingStoryUnderAClientMadeId(ServiceBackend.Kind kind) throws Exception {
        given(kind);
        UUID ana = rows.user("Ana");

        Story created = stories.create(new StoryDraft(ana, "  The Fox ", "a fox")).join();

        assertEquals(ana, created.userId());
        assertEquals("The Fox", created.title());
        assertEquals("a fox", created.prompt());
        assertEquals(StoryStatus.PENDING, created.status());
        assertEquals(List.of(created), stories.byUser(ana).join());
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(ServiceBackend.Kind.class)
    void aRetriedCreateWithTheSameIdReturnsTheStoredStoryAndWritesNoDuplicate(ServiceBackend.Kind kind) throws Exception {
        given(kind);
        UUID id = UUID.randomUUID();
        Story first = stories.create(new StoryDraft(null, "Once", ""), id).join();

        // the first answer was "lost": the caller retries the very same create
        Story retried = stories.create(new StoryDraft(null, "Once", ""), id).join();

        assertEquals(first, retried);
        assertEquals(List.of(first), stories.recent(10).join());
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(ServiceBackend.Kind.class)
    void anInvalidDraftIsRefusedBeforeAnythingIsWritten(ServiceBackend.Kind kind) throws Exception {
        given(kind);

        ServiceException failure = failureOf(stories.create(new StoryDraft(null, "   ", "p")));

        assertEquals(Reason.INVALID, failure.reason());
        assertEquals(List.of(), stories.recent(10).join());
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(ServiceBackend.Kind.class)
    void updateWritesTheDraftAndBumpsUpdatedAt(ServiceBackend.Kind kind) throws Exception {
        given(kind);
        Story loaded = stories.create(new StoryDraft(null, "Draft", "p")).join();

        Story saved = stories.update(loaded, new StoryDraft(null, "Final", "q")).join();

        assertEquals("Final", saved.title());
        assertEquals("q", saved.prompt());
        assertEquals(loaded.createdAt(), saved.createdAt());
        assertTrue(saved.updatedAt().isAfter(loaded.updatedAt()), "the server bumps updated_at");
        assertEquals(List.of(saved), stories.recent(1).join());
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(ServiceBackend.Kind.class)
    void anUpdateFromAStaleCopyIsAConflictCarryingTheCurrentRowAndWritesNothing(ServiceBackend.Kind kind)
            throws Exception {
        given(kind);
        Story loaded = stories.create(new StoryDraft(null, "Mine", "p")).join();
        rows.touchStory(loaded.storyId(), "Changed by a colleague");

        ServiceException failure = failureOf(stories.update(loaded, new StoryDraft(null, "My edit", "p")));

        ConflictException conflict = assertInstanceOf(ConflictException.class, failure);
        assertEquals(Reason.CONFLICT, conflict.reason());
        Story current = conflict.current(Story.class).orElseThrow();
        assertEquals("Changed by a colleague", current.title());
        assertEquals(List.of(current), stories.recent(10).join(), "the stale edit wrote nothing");
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(ServiceBackend.Kind.class)
    void anEditOrStatusRepeatedFromTheSameCopyAfterItLandedIsDone(ServiceBackend.Kind kind) throws Exception {
        given(kind);
        Story loaded = stories.create(new StoryDraft(null, "Mine", "p")).join();
        Story edited = stories.update(loaded, new StoryDraft(null, "My edit", "p")).join();

        Story repeated = stories.update(loaded, new StoryDraft(null, "My edit", "p")).join();
        Story completed = stories.updateStatus(edited, StoryStatus.COMPLETED).join();
        Story repeatedStatus = stories.updateStatus(edited, StoryStatus.COMPLETED).join();
        ServiceException different = failureOf(stories.update(loaded, new StoryDraft(null, "Another edit", "p")));

        assertEquals(edited, repeated);
        assertEquals(completed, repeatedStatus);
        assertInstanceOf(ConflictException.class, different, "a different change from a stale copy still conflicts");
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(ServiceBackend.Kind.class)
    void updateStatusIsOptimisticToo(ServiceBackend.Kind kind) throws Exception {
        given(kind);
        Story loaded = stories.create(new StoryDraft(null, "S", "")).join();

        Story generating = stories.updateStatus(loaded, StoryStatus.GENERATING).join();
        ServiceException stale = failureOf(stories.updateStatus(loaded, StoryStatus.ERROR));

        assertEquals(StoryStatus.GENERATING, generating.status());
        assertEquals(Reason.CONFLICT, stale.reason());
        assertEquals(StoryStatus.GENERATING, stories.recent(1).join().getFirst().status());
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(ServiceBackend.Kind.class)
    void updatingATrashedStoryOrDeletingOneThatNeverExistedIsNotFound(ServiceBackend.Kind kind) throws Exception {
        given(kind);
        Story loaded = stories.create(new StoryDraft(null, "S", "")).join();
        stories.delete(loaded.storyId()).join();

        assertEquals(Reason.NOT_FOUND, failureOf(stories.updateStatus(loaded, StoryStatus.COMPLETED)).reason());
        assertEquals(Reason.NOT_FOUND, failureOf(stories.delete(UUID.randomUUID())).reason());
        stories.delete(loaded.storyId()).join(); // a repeat finds it in the trash: deleted, as asked
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(ServiceBackend.Kind.class)
    void deleteMovesTheStoryWithItsScenesToTheTrashAndLeavesTheirMediaInPlace(ServiceBackend.Kind kind)
            throws Exception {
        given(kind);
        Story story = stories.create(new StoryDraft(null, "With media", "")).join();
        MediaRef image = new MediaRef("story-images", story.storyId() + "/a.png");
        storage.put(image, new byte[] {1});
        UUID one = rows.scene(story.storyId(), 1, "one", storage.publicUrl(image.bucket(), image.key()), null);
        rows.scene(story.storyId(), 2, "two", null, null);

        stories.delete(story.storyId()).join();

        assertEquals(List.of(), stories.recent(10).join());
        assertEquals(List.of(), new SupabaseSceneService(backend.client.rest())
                .list(story.storyId()).join(), "the scenes went along");
        assertEquals(java.util.Set.of(image), storage.objects.keySet(), "media stay until deleted for good");
        assertEquals(List.of(one), TrashRows.scenesOf(backend.client, story.storyId()).stream()
                .filter(scene -> scene.sequence() == 1).map(Scene::sceneId).toList());
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(ServiceBackend.Kind.class)
    void aBulkStatusChangeChangesAllOrNoneAndABulkDeleteTrashesThemAll(ServiceBackend.Kind kind) throws Exception {
        given(kind);
        Story a = stories.create(new StoryDraft(null, "A", "")).join();
        Story b = stories.create(new StoryDraft(null, "B", "")).join();

        List<Story> changed = stories.setStatus(List.of(a, b), StoryStatus.COMPLETED).join();
        assertEquals(java.util.Set.of(StoryStatus.COMPLETED), changed.stream().map(Story::status)
                .collect(java.util.stream.Collectors.toSet()));

        Story freshA = changed.stream().filter(story -> story.storyId().equals(a.storyId())).findFirst().orElseThrow();
        ServiceException stale = failureOf(stories.setStatus(List.of(freshA, b), StoryStatus.ERROR));
        assertEquals(Reason.CONFLICT, stale.reason(), "b was loaded before the first change");
        assertEquals(List.of(StoryStatus.COMPLETED, StoryStatus.COMPLETED), stories.recent(10).join().stream()
                .map(Story::status).toList(), "nothing changed");

        stories.deleteAll(List.of(a.storyId(), b.storyId())).join();
        assertEquals(List.of(), stories.recent(10).join());
        stories.deleteAll(List.of(a.storyId(), b.storyId())).join(); // a repeat finds both in the trash
        assertEquals(Reason.NOT_FOUND, failureOf(stories.deleteAll(List.of(a.storyId(), UUID.randomUUID()))).reason());
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(ServiceBackend.Kind.class)
    void createWithScenesWritesTheStoryAndItsScenesInOrder(ServiceBackend.Kind kind) throws Exception {
        given(kind);
        UUID ana = rows.user("Ana");

        StoryDetail created = stories.createWithScenes(new StoryDraft(ana, "Three", "p"),
                List.of(new SceneDraft(2, "two"), new SceneDraft(1, "one"), new SceneDraft(3, "three"))).join();

        assertEquals("Three", created.story().title());
        assertEquals(StoryStatus.PENDING, created.story().status());
        assertEquals(List.of("one", "two", "three"), created.scenes().stream().map(s -> s.text()).toList());
        assertEquals(List.of(1, 2, 3), created.scenes().stream().map(s -> s.sequence()).toList());
        assertEquals(created, stories.detail(created.story().storyId()).join().orElseThrow());
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(ServiceBackend.Kind.class)
    void aRetriedCreateWithScenesAnswersTheStoredStoryAndDuplicatesNothing(ServiceBackend.Kind kind) throws Exception {
        given(kind);
        UUID id = UUID.randomUUID();
        List<SceneDraft> scenes = List.of(new SceneDraft(1, "one"), new SceneDraft(2, "two"));
        StoryDetail first = stories.createWithScenes(new StoryDraft(null, "T", ""), scenes, id).join();

        StoryDetail retried = stories.createWithScenes(new StoryDraft(null, "T", ""), scenes, id).join();

        assertEquals(first, retried);
        assertEquals(1, stories.recent(10).join().size());
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(ServiceBackend.Kind.class)
    void aCreateWithScenesTheServerRefusesLeavesNothingBehind(ServiceBackend.Kind kind) throws Exception {
        given(kind);
        UUID nobody = UUID.randomUUID();

        ServiceException failure = failureOf(stories.createWithScenes(new StoryDraft(nobody, "T", ""),
                List.of(new SceneDraft(1, "one"))));

        assertEquals(Reason.INVALID, failure.reason(), "23503: the user does not exist");
        assertEquals(List.of(), stories.recent(10).join());
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(ServiceBackend.Kind.class)
    void twoScenesWithOneSequenceAreRefusedBeforeAnyRequest(ServiceBackend.Kind kind) throws Exception {
        given(kind);

        ServiceException failure = failureOf(stories.createWithScenes(new StoryDraft(null, "T", ""),
                List.of(new SceneDraft(1, "a"), new SceneDraft(1, "b"))));

        assertEquals(Reason.INVALID, failure.reason());
        assertEquals(List.of(), stories.recent(10).join());
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(ServiceBackend.Kind.class)
    void detailOfAMissingStoryIsEmpty(ServiceBackend.Kind kind) throws Exception {
        given(kind);

        assertTrue(stories.detail(UUID.randomUUID()).join().isEmpty());
    }

    static ServiceException failureOf(CompletableFuture<?> future) {
        CompletionException thrown = assertThrows(CompletionException.class, future::join);
        return assertInstanceOf(ServiceException.class, thrown.getCause());
    }
}
