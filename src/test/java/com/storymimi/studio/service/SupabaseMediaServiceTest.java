package com.storymimi.studio.service;

import com.storymimi.studio.model.MediaKind;
import com.storymimi.studio.model.MediaRef;
import com.storymimi.studio.model.Scene;
import com.storymimi.studio.model.SceneDraft;
import com.storymimi.studio.model.StoryStatus;
import com.storymimi.studio.model.TrashItem;
import com.storymimi.studio.model.TrashKind;
import com.storymimi.studio.service.ServiceException.Reason;
import com.storymimi.studio.service.trash.SupabaseTrashService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import static com.storymimi.studio.service.SupabaseStoryServiceTest.failureOf;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Media on both backends' scenes table, with Storage faked in memory (it has its own tests against real HTTP). */
class SupabaseMediaServiceTest {

    @TempDir
    Path dataDir;
    @TempDir
    Path files;
    @TempDir
    Path cache;

    private ServiceBackend backend;
    private FakeObjectStorage storage;
    private SupabaseSceneService scenes;
    private SupabaseMediaService media;
    private Scene scene;

    private void given(ServiceBackend.Kind kind) throws Exception {
        backend = ServiceBackend.open(kind, dataDir);
        storage = new FakeObjectStorage();
        scenes = new SupabaseSceneService(backend.client.rest());
        media = new SupabaseMediaService(backend.client.rest(), storage, OrphanedMedia.IGNORE, cache, Runnable::run);
        UUID story = new Rows(backend.client).story("S", "", StoryStatus.PENDING, null, Instant.parse("2026-01-01T00:00:00Z"));
        scene = scenes.create(story, new SceneDraft(1, "one")).join();
    }

    @AfterEach
    void close() throws Exception {
        if (backend != null) {
            backend.close();
        }
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(ServiceBackend.Kind.class)
    void attachUploadsUnderStoryAndSceneAndStoresThePublicUrl(ServiceBackend.Kind kind) throws Exception {
        given(kind);
        List<Long> progress = new ArrayList<>();
        Path png = MediaFiles.png(files, "cover.png");

        Scene updated = media.attach(scene, MediaKind.IMAGE, png, progress::add).join();

        String key = MediaRef.fromPublicUrl(updated.imageUrl()).orElseThrow().key();
        assertTrue(key.matches(scene.storyId() + "/" + scene.sceneId() + "-[0-9a-f]{16}\\.png"), key);
        assertEquals(storage.publicUrl("story-images", key), updated.imageUrl());
        assertEquals(List.of(updated), scenes.list(scene.storyId()).join());
        assertArrayEquals(Files.readAllBytes(png), storage.objects.get(new MediaRef("story-images", key)).bytes());
        assertEquals("image/png", storage.objects.get(new MediaRef("story-images", key)).contentType());
        assertEquals(List.of(10L, 20L), progress);
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(ServiceBackend.Kind.class)
    void whenTheRowUpdateFailsTheUploadedObjectIsRemovedAgain(ServiceBackend.Kind kind) throws Exception {
        given(kind);
        new Rows(backend.client).touchScene(scene.sceneId(), "edited by a colleague");

        ServiceException failure = failureOf(media.attach(scene, MediaKind.AUDIO, MediaFiles.wav(files, "a.wav", 16, false),
                sent -> { }));

        assertInstanceOf(ConflictException.class, failure);
        String key = storage.calls.getFirst().substring("upload story-audio/".length());
        assertEquals(List.of("upload story-audio/" + key, "remove story-audio [" + key + "]"), storage.calls);
        assertEquals(Set.of(), storage.objects.keySet());
        assertNull(scenes.list(scene.storyId()).join().getFirst().audioUrl());
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(ServiceBackend.Kind.class)
    void attachingToASceneThatIsGoneFailsAndLeavesNoObject(ServiceBackend.Kind kind) throws Exception {
        given(kind);
        scenes.delete(scene).join();

        ServiceException failure = failureOf(media.attach(scene, MediaKind.IMAGE, MediaFiles.png(files, "a.png"), s -> { }));

        assertEquals(Reason.NOT_FOUND, failure.reason());
        assertEquals(Set.of(), storage.objects.keySet());
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(ServiceBackend.Kind.class)
    void aFailedUploadChangesNoRow(ServiceBackend.Kind kind) throws Exception {
        given(kind);
        storage.failUploads = true;

        ServiceException failure = failureOf(media.attach(scene, MediaKind.IMAGE, MediaFiles.png(files, "a.png"), s -> { }));

        assertEquals(Reason.UNAVAILABLE, failure.reason());
        assertEquals(List.of(scene), scenes.list(scene.storyId()).join());
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(ServiceBackend.Kind.class)
    void anInvalidFileIsRefusedBeforeAnyUpload(ServiceBackend.Kind kind) throws Exception {
        given(kind);

        ServiceException failure = failureOf(media.attach(scene, MediaKind.IMAGE, MediaFiles.webp(files, "a.webp"), s -> { }));

        assertEquals("WebP is not supported: use PNG or JPEG", failure.getMessage());
        assertEquals(List.of(), storage.calls);
        assertEquals(Reason.INVALID, failureOf(media.check(MediaFiles.gif(files, "b.gif"), MediaKind.IMAGE)).reason());
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(ServiceBackend.Kind.class)
    void replacingAnImageKeepsTheOldOneInTheTrashUntouched(ServiceBackend.Kind kind) throws Exception {
        given(kind);
        Path first = MediaFiles.jpeg(files, "a.jpg");
        Scene withJpeg = media.attach(scene, MediaKind.IMAGE, first, s -> { }).join();
        Scene withSecond = media.attach(withJpeg, MediaKind.IMAGE, MediaFiles.bigPng(files, "b.png", 64), s -> { }).join();

        MediaRef old = MediaRef.fromPublicUrl(withJpeg.imageUrl()).orElseThrow();
        MediaRef now = MediaRef.fromPublicUrl(withSecond.imageUrl()).orElseThrow();
        assertNotEquals(old, now, "a new upload never overwrites the object it replaces");
        assertEquals(Set.of(old, now), storage.objects.keySet());
        assertArrayEquals(Files.readAllBytes(first), storage.objects.get(old).bytes());
        List<TrashItem> trash = trash().list(10).join();
        assertEquals(1, trash.size());
        assertEquals(TrashKind.IMAGE, trash.getFirst().kind());
        assertEquals(scene.sceneId(), trash.getFirst().itemId());
        assertEquals(scene.storyId(), trash.getFirst().parentId());
        assertEquals("one", trash.getFirst().label());
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(ServiceBackend.Kind.class)
    void theSameFileAgainTakesTheSameKeySoARepeatLeavesNoCopy(ServiceBackend.Kind kind) throws Exception {
        given(kind);
        Path png = MediaFiles.png(files, "a.png");
        Scene once = media.attach(scene, MediaKind.IMAGE, png, s -> { }).join();

        Scene again = media.attach(scene, MediaKind.IMAGE, png, s -> { }).join(); // from the same loaded row

        assertEquals(once.imageUrl(), again.imageUrl());
        assertEquals(1, storage.objects.size(), "no second copy of the file");
        assertEquals(List.of(), trash().list(10).join(), "nothing was replaced");
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(ServiceBackend.Kind.class)
    void aFailedLinkRemovesItsUploadButNeverAnObjectTheTrashKeeps(ServiceBackend.Kind kind) throws Exception {
        given(kind);
        Path first = MediaFiles.png(files, "a.png");
        Scene withFirst = media.attach(scene, MediaKind.IMAGE, first, s -> { }).join();
        Scene withSecond = media.attach(withFirst, MediaKind.IMAGE, MediaFiles.jpeg(files, "b.jpg"), s -> { }).join();
        new Rows(backend.client).touchScene(scene.sceneId(), "edited by a colleague");

        // The first file again, from a row that is stale now: its key is the one the trash keeps.
        assertInstanceOf(ConflictException.class,
                failureOf(media.attach(withSecond, MediaKind.IMAGE, first, s -> { })));

        MediaRef kept = MediaRef.fromPublicUrl(withFirst.imageUrl()).orElseThrow();
        assertArrayEquals(Files.readAllBytes(first), storage.objects.get(kept).bytes(), "the kept image is still there");
        assertEquals(List.of(withFirst.imageUrl()), keptUrls());
        Path third = MediaFiles.bigPng(files, "c.png", 64);
        assertInstanceOf(ConflictException.class, failureOf(media.attach(withSecond, MediaKind.IMAGE, third, s -> { })));
        assertEquals(2, storage.objects.size(), "a new file whose link failed is removed again");
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(ServiceBackend.Kind.class)
    void detachClearsTheUrlAndKeepsTheObjectInTheTrash(ServiceBackend.Kind kind) throws Exception {
        given(kind);
        Scene withAudio = media.attach(scene, MediaKind.AUDIO, MediaFiles.mp3WithId3(files, "a.mp3"), s -> { }).join();

        Scene cleared = media.detach(withAudio, MediaKind.AUDIO).join();

        assertNull(cleared.audioUrl());
        assertEquals(List.of(cleared), scenes.list(scene.storyId()).join());
        assertEquals(Set.of(MediaRef.fromPublicUrl(withAudio.audioUrl()).orElseThrow()), storage.objects.keySet());
        assertEquals(List.of(TrashKind.AUDIO), trash().list(10).join().stream().map(TrashItem::kind).toList());
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(ServiceBackend.Kind.class)
    void putBackUndoesAReplaceAndRedoesIt(ServiceBackend.Kind kind) throws Exception {
        given(kind);
        Scene first = media.attach(scene, MediaKind.IMAGE, MediaFiles.png(files, "a.png"), s -> { }).join();
        Scene second = media.attach(first, MediaKind.IMAGE, MediaFiles.jpeg(files, "b.jpg"), s -> { }).join();

        Scene undone = media.putBack(second, MediaKind.IMAGE, first.imageUrl()).join();
        assertEquals(first.imageUrl(), undone.imageUrl());
        assertEquals(List.of(second.imageUrl()), keptUrls(), "the replacing image waits in the trash for a redo");

        Scene redone = media.putBack(undone, MediaKind.IMAGE, second.imageUrl()).join();
        assertEquals(second.imageUrl(), redone.imageUrl());
        assertEquals(List.of(first.imageUrl()), keptUrls());
        assertEquals(redone, media.putBack(undone, MediaKind.IMAGE, second.imageUrl()).join(),
                "repeated after a lost answer: done, nothing changes");
        assertEquals(2, storage.objects.size());
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(ServiceBackend.Kind.class)
    void putBackOfARemovedNarrationAndOfAFirstUpload(ServiceBackend.Kind kind) throws Exception {
        given(kind);
        Scene withAudio = media.attach(scene, MediaKind.AUDIO, MediaFiles.mp3WithId3(files, "a.mp3"), s -> { }).join();
        Scene cleared = media.detach(withAudio, MediaKind.AUDIO).join();

        Scene back = media.putBack(cleared, MediaKind.AUDIO, withAudio.audioUrl()).join();
        assertEquals(withAudio.audioUrl(), back.audioUrl());
        assertEquals(List.of(), trash().list(10).join(), "the narration left the trash: it is in use again");

        Scene none = media.putBack(back, MediaKind.AUDIO, null).join();
        assertNull(none.audioUrl(), "the undo of a first upload");
        assertEquals(List.of(withAudio.audioUrl()), keptUrls());
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(ServiceBackend.Kind.class)
    void putBackRefusesWhatTheTrashNoLongerKeepsAndASceneChangedMeanwhile(ServiceBackend.Kind kind) throws Exception {
        given(kind);
        Scene first = media.attach(scene, MediaKind.IMAGE, MediaFiles.png(files, "a.png"), s -> { }).join();
        Scene second = media.attach(first, MediaKind.IMAGE, MediaFiles.jpeg(files, "b.jpg"), s -> { }).join();
        trash().deleteForever(trash().list(10).join().stream().map(TrashItem::trashId).toList()).join();

        assertEquals(Reason.NOT_FOUND, failureOf(media.putBack(second, MediaKind.IMAGE, first.imageUrl())).reason());
        assertFalse(storage.objects.containsKey(MediaRef.fromPublicUrl(first.imageUrl()).orElseThrow()),
                "deleting the trash item for good removed the old image");
        assertEquals(second.imageUrl(), scenes.list(scene.storyId()).join().getFirst().imageUrl());

        new Rows(backend.client).touchScene(scene.sceneId(), "edited by a colleague");
        assertInstanceOf(ConflictException.class, failureOf(media.putBack(second, MediaKind.IMAGE, null)));
        assertEquals(second.imageUrl(), scenes.list(scene.storyId()).join().getFirst().imageUrl());
    }

    private SupabaseTrashService trash() {
        return new SupabaseTrashService(backend.client.rest(), new MediaRemoval(storage, OrphanedMedia.IGNORE));
    }

    /** The URLs the media items in the trash keep. */
    private List<String> keptUrls() {
        return backend.client.rest().from("trash").select(TrashContents.COLUMNS).list(TrashContents.class).join()
                .body().stream().flatMap(item -> item.urls().stream()).toList();
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(ServiceBackend.Kind.class)
    void localCopyDownloadsOncePerVersion(ServiceBackend.Kind kind) throws Exception {
        given(kind);
        Path png = MediaFiles.png(files, "a.png");
        Scene withImage = media.attach(scene, MediaKind.IMAGE, png, s -> { }).join();

        Path first = media.localCopy(withImage, MediaKind.IMAGE).join();
        Path again = media.localCopy(withImage, MediaKind.IMAGE).join();
        Scene replaced = media.attach(withImage, MediaKind.IMAGE, MediaFiles.bigPng(files, "b.png", 64), s -> { }).join();
        Path newer = media.localCopy(replaced, MediaKind.IMAGE).join();

        assertArrayEquals(Files.readAllBytes(png), Files.readAllBytes(first));
        assertEquals(first, again);
        assertEquals(2, storage.downloads, "the second copy of the same version came from the cache");
        assertEquals(64, Files.size(newer));
        assertEquals(true, newer.startsWith(cache));
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(ServiceBackend.Kind.class)
    void localCopyOfMissingMediaIsNotFound(ServiceBackend.Kind kind) throws Exception {
        given(kind);

        assertEquals(Reason.NOT_FOUND, failureOf(media.localCopy(scene, MediaKind.AUDIO)).reason());
    }
}
