package com.storymimi.studio.service;

import com.storymimi.studio.model.MediaKind;
import com.storymimi.studio.model.Scene;
import com.storymimi.studio.model.SceneDraft;
import com.storymimi.studio.model.Story;
import com.storymimi.studio.model.StoryDraft;
import com.storymimi.studio.model.StoryStatus;
import com.storymimi.studio.service.ServiceException.Reason;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

import static com.storymimi.studio.service.SupabaseStoryServiceTest.failureOf;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Concurrent editors (issue #19): two editors, each with a client and a session of their own, on the sandbox and on
 * real PostgREST. Whoever saves second from a copy loaded before the first save gets the conflict with the current
 * version, never a silent overwrite; what one deleted, the other's save does not bring back.
 */
class ConcurrentEditorsTest {

    @TempDir
    Path dataDir;
    @TempDir
    Path files;

    private ServiceBackend backend;
    private Editor ana;
    private Editor bruno;
    private UUID story;

    /** One editor's services over their own client. */
    private record Editor(SupabaseStoryService stories, SupabaseSceneService scenes, SupabaseMediaService media,
                          FakeObjectStorage storage) {

        static Editor over(com.storymimi.studio.supabase.SupabaseClient client, FakeObjectStorage storage, Path cache) {
            return new Editor(new SupabaseStoryService(client.rest()), new SupabaseSceneService(client.rest()),
                    new SupabaseMediaService(client.rest(), storage, OrphanedMedia.IGNORE, cache, Runnable::run), storage);
        }
    }

    private void given(ServiceBackend.Kind kind) throws Exception {
        backend = ServiceBackend.open(kind, dataDir);
        FakeObjectStorage storage = new FakeObjectStorage(); // one Storage both see, as a project has
        ana = Editor.over(backend.client, storage, dataDir.resolve("cache-ana"));
        bruno = Editor.over(backend.anotherEditor(), storage, dataDir.resolve("cache-bruno"));
        story = new Rows(backend.client).story("The Owl", "", StoryStatus.PENDING, null, Instant.parse("2026-01-01T00:00:00Z"));
        ana.scenes().createAll(story, List.of(new SceneDraft(1, "one"), new SceneDraft(2, "two"), new SceneDraft(3, "three")))
                .join();
    }

    @AfterEach
    void close() throws Exception {
        if (backend != null) {
            backend.close();
        }
    }

    private List<Scene> scenes() {
        return ana.scenes().list(story).join();
    }

    private Story storyRow() {
        return ana.stories().detail(story).join().orElseThrow().story();
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(ServiceBackend.Kind.class)
    void theSecondSaveOfTheSameSceneGetsTheConflictWithTheFirstOnesText(ServiceBackend.Kind kind) throws Exception {
        given(kind);
        Scene anasCopy = ana.scenes().list(story).join().getFirst();
        Scene brunosCopy = bruno.scenes().list(story).join().getFirst();

        ana.scenes().updateText(anasCopy, "Ana's words").join();
        ServiceException failure = failureOf(bruno.scenes().updateText(brunosCopy, "Bruno's words"));

        ConflictException conflict = assertInstanceOf(ConflictException.class, failure);
        assertEquals("Ana's words", conflict.current(Scene.class).orElseThrow().text(), "the current version, shown");
        assertEquals("Ana's words", scenes().getFirst().text(), "no silent overwrite");
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(ServiceBackend.Kind.class)
    void savesAtTheSameMomentLetExactlyOneWin(ServiceBackend.Kind kind) throws Exception {
        given(kind);
        for (int round = 0; round < 10; round++) {
            Scene anasCopy = ana.scenes().list(story).join().get(1);
            Scene brunosCopy = bruno.scenes().list(story).join().get(1);
            String anas = "Ana " + round;
            String brunos = "Bruno " + round;

            CompletableFuture<Scene> first = ana.scenes().updateText(anasCopy, anas);
            CompletableFuture<Scene> second = bruno.scenes().updateText(brunosCopy, brunos);
            List<String> won = new java.util.ArrayList<>();
            for (var attempt : List.of(first, second)) {
                try {
                    won.add(attempt.join().text());
                } catch (CompletionException e) {
                    assertInstanceOf(ConflictException.class, e.getCause());
                }
            }

            assertEquals(1, won.size(), "round " + round + ": exactly one save wins, the other is told");
            assertEquals(won.getFirst(), scenes().get(1).text());
        }
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(ServiceBackend.Kind.class)
    void theSecondReorderOfTheSameStoryIsRefusedAndTheFirstOrderStays(ServiceBackend.Kind kind) throws Exception {
        given(kind);
        List<UUID> loaded = scenes().stream().map(Scene::sceneId).toList();
        List<UUID> anasOrder = List.of(loaded.get(2), loaded.get(0), loaded.get(1));
        List<UUID> brunosOrder = List.of(loaded.get(1), loaded.get(0), loaded.get(2));

        ana.scenes().reorder(story, loaded, anasOrder).join();
        ServiceException failure = failureOf(bruno.scenes().reorder(story, loaded, brunosOrder));

        assertEquals(Reason.CONFLICT, failure.reason());
        assertEquals(anasOrder, scenes().stream().map(Scene::sceneId).toList());
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(ServiceBackend.Kind.class)
    void statusAndTitleFromAStaleCopyAreConflictsToo(ServiceBackend.Kind kind) throws Exception {
        given(kind);
        Story anasCopy = storyRow();
        Story brunosCopy = storyRow();

        ana.stories().updateStatus(anasCopy, StoryStatus.COMPLETED).join();

        assertInstanceOf(ConflictException.class, failureOf(bruno.stories().updateStatus(brunosCopy, StoryStatus.ERROR)));
        assertInstanceOf(ConflictException.class,
                failureOf(bruno.stories().update(brunosCopy, new StoryDraft(null, "Bruno's title", ""))));
        assertEquals(StoryStatus.COMPLETED, storyRow().status());
        assertEquals("The Owl", storyRow().title());
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(ServiceBackend.Kind.class)
    void whatOneDeletedTheOthersSaveDoesNotBringBack(ServiceBackend.Kind kind) throws Exception {
        given(kind);
        Scene brunosScene = bruno.scenes().list(story).join().get(1);
        Story brunosStory = storyRow();

        ana.scenes().delete(ana.scenes().list(story).join().get(1)).join();
        assertEquals(Reason.NOT_FOUND, failureOf(bruno.scenes().updateText(brunosScene, "Bruno's words")).reason());
        assertEquals(List.of("one", "three"), scenes().stream().map(Scene::text).toList());

        ana.stories().delete(story).join();
        assertEquals(Reason.NOT_FOUND, failureOf(bruno.stories().updateStatus(brunosStory, StoryStatus.ERROR)).reason());
        assertEquals(Reason.NOT_FOUND, failureOf(bruno.scenes().updateText(brunosScene, "again")).reason());
        assertTrue(ana.stories().detail(story).join().isEmpty(), "the story stays in the trash");
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(ServiceBackend.Kind.class)
    void theSecondImageOnTheSameSceneIsAConflictAndLeavesNoObjectBehind(ServiceBackend.Kind kind) throws Exception {
        given(kind);
        Scene anasCopy = ana.scenes().list(story).join().getFirst();
        Scene brunosCopy = bruno.scenes().list(story).join().getFirst();

        Scene withAnas = ana.media().attach(anasCopy, MediaKind.IMAGE, MediaFiles.png(files, "ana.png"), sent -> { }).join();
        ServiceException failure = failureOf(bruno.media().attach(brunosCopy, MediaKind.IMAGE,
                MediaFiles.bigPng(files, "bruno.png", 64), sent -> { }));

        assertEquals(withAnas.imageUrl(), assertInstanceOf(ConflictException.class, failure).current(Scene.class)
                .orElseThrow().imageUrl(), "the current image, shown");
        assertEquals(withAnas.imageUrl(), scenes().getFirst().imageUrl());
        assertEquals(1, ana.storage().objects.size(), "Bruno's upload was removed again");
    }
}
