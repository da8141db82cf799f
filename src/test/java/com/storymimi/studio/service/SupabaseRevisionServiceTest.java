package com.storymimi.studio.service;

import com.storymimi.studio.model.Revision;
import com.storymimi.studio.model.RevisionKind;
import com.storymimi.studio.model.Scene;
import com.storymimi.studio.model.Story;
import com.storymimi.studio.model.StoryDraft;
import com.storymimi.studio.model.StoryStatus;
import com.storymimi.studio.service.ServiceException.Reason;
import com.storymimi.studio.service.revisions.SupabaseRevisionService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static com.storymimi.studio.service.SupabaseStoryServiceTest.failureOf;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

/** History and restore end to end, on the sandbox and on real PostgREST, through the services the editor uses. */
class SupabaseRevisionServiceTest {

    @TempDir
    Path dataDir;
    @TempDir
    Path files;

    private ServiceBackend backend;
    private Rows rows;
    private SupabaseStoryService stories;
    private SupabaseSceneService scenes;
    private SupabaseMediaService media;
    private SupabaseRevisionService revisions;
    private UUID story;

    private void given(ServiceBackend.Kind kind) throws Exception {
        backend = ServiceBackend.open(kind, dataDir);
        rows = new Rows(backend.client);
        stories = new SupabaseStoryService(backend.client.rest());
        scenes = new SupabaseSceneService(backend.client.rest());
        media = new SupabaseMediaService(backend.client.rest(), new FakeObjectStorage(), OrphanedMedia.IGNORE,
                dataDir.resolve("cache"), Runnable::run);
        revisions = new SupabaseRevisionService(backend.client.rest(), stories, scenes, media);
        story = rows.story("The Owl", "", StoryStatus.PENDING, null, Instant.parse("2026-01-01T00:00:00Z"));
    }

    @AfterEach
    void close() throws Exception {
        if (backend != null) {
            backend.close();
        }
    }

    private Scene first() {
        return scenes.list(story).join().getFirst();
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(ServiceBackend.Kind.class)
    void aTextFromThreeSavesAgoComesBackAndTheRestoreIsItselfARevision(ServiceBackend.Kind kind) throws Exception {
        given(kind);
        rows.scene(story, 1, "draft", null, null);
        for (String text : List.of("one", "two", "three")) {
            scenes.updateText(first(), text).join();
        }

        List<Revision> history = revisions.history(story, 50).join();
        assertEquals(List.of("three", "two", "one"), history.stream()
                .map(r -> r.field("text").orElseThrow().after()).toList(), "newest first");
        Revision oldest = history.getLast();
        assertEquals(RevisionKind.SCENE, oldest.kind());
        assertEquals(new Revision.Field("text", "draft", "one"), oldest.fields().getFirst());
        assertNotNull(oldest.createdByEmail(), "the signed-in editor");

        revisions.restore(oldest).join();

        assertEquals("one", first().text());
        Revision restore = revisions.history(story, 1).join().getFirst();
        assertEquals(new Revision.Field("text", "three", "one"), restore.fields().getFirst());
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(ServiceBackend.Kind.class)
    void anEarlierSceneOrderAndStoryFieldsAreRestored(ServiceBackend.Kind kind) throws Exception {
        given(kind);
        UUID a = rows.scene(story, 1, "a", null, null);
        UUID b = rows.scene(story, 2, "b", null, null);
        UUID c = rows.scene(story, 3, "c", null, null);
        scenes.reorder(story, List.of(c, a, b)).join();
        scenes.reorder(story, List.of(b, c, a)).join();
        Story loaded = stories.detail(story).join().orElseThrow().story();
        Story renamed = stories.update(loaded, new StoryDraft(null, "The Night Owl", "")).join();
        stories.updateStatus(renamed, StoryStatus.COMPLETED).join();

        List<Revision> history = revisions.history(story, 50).join();
        assertEquals(List.of(RevisionKind.STORY, RevisionKind.STORY, RevisionKind.ORDER, RevisionKind.ORDER),
                history.stream().map(Revision::kind).toList());
        Revision firstMove = history.getLast();
        assertEquals(List.of(a, b, c), firstMove.orderBefore());
        assertEquals(List.of(c, a, b), firstMove.orderAfter());

        revisions.restore(firstMove).join();
        assertEquals(List.of(c, a, b), scenes.list(story).join().stream().map(Scene::sceneId).toList());

        revisions.restore(history.get(1)).join(); // the rename, before the status change
        Story now = stories.detail(story).join().orElseThrow().story();
        assertEquals("The Night Owl", now.title());
        assertEquals(StoryStatus.COMPLETED, now.status(), "a rename's restore leaves the status alone");
        assertEquals(new Revision.Field("status", "PENDING", "COMPLETED"), history.getFirst().fields().getFirst());
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(ServiceBackend.Kind.class)
    void whatCannotBeRestoredSaysWhy(ServiceBackend.Kind kind) throws Exception {
        given(kind);
        UUID a = rows.scene(story, 1, "a", null, null);
        UUID b = rows.scene(story, 2, "b", null, null);
        scenes.reorder(story, List.of(b, a)).join();
        Revision move = revisions.history(story, 1).join().getFirst();
        scenes.create(story, new com.storymimi.studio.model.SceneDraft(3, "new")).join();
        assertEquals(Reason.INVALID, failureOf(revisions.restore(move)).reason(), "the scenes changed since");

        Scene scene = scenes.list(story).join().getFirst();
        scenes.updateText(scene, "edited").join();
        Revision edit = revisions.history(story, 1).join().getFirst();
        scenes.delete(scenes.list(story).join().getFirst()).join();
        assertEquals(Reason.NOT_FOUND, failureOf(revisions.restore(edit)).reason(), "the scene is in the trash");
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(ServiceBackend.Kind.class)
    void anEarlierImageComesBackFromTheTrashUntilItIsDeletedForGood(ServiceBackend.Kind kind) throws Exception {
        given(kind);
        rows.scene(story, 1, "lamp", null, null);
        Scene first = media.attach(first(), com.storymimi.studio.model.MediaKind.IMAGE, MediaFiles.png(files, "a.png"),
                sent -> { }).join();
        media.attach(first, com.storymimi.studio.model.MediaKind.IMAGE, MediaFiles.jpeg(files, "b.jpg"), sent -> { }).join();
        Revision attachFirst = revisions.history(story, 5).join().getLast();
        assertEquals(first.imageUrl(), attachFirst.field("image_url").orElseThrow().after());

        revisions.restore(attachFirst).join();

        assertEquals(first.imageUrl(), first().imageUrl(), "the first image is back");
        assertEquals(first().imageUrl(), revisions.history(story, 1).join().getFirst().field("image_url")
                .orElseThrow().after(), "the restore is a revision of its own");
        Revision second = revisions.history(story, 5).join().get(1);
        var trash = new com.storymimi.studio.service.trash.SupabaseTrashService(backend.client.rest(),
                new MediaRemoval(new FakeObjectStorage(), OrphanedMedia.IGNORE));
        trash.deleteForever(trash.list(10).join().stream().map(com.storymimi.studio.model.TrashItem::trashId).toList()).join();
        assertEquals(Reason.NOT_FOUND, failureOf(revisions.restore(second)).reason(), "its image was deleted for good");
        assertEquals(first.imageUrl(), first().imageUrl());
    }
}
