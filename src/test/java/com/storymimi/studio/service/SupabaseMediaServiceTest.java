package com.storymimi.studio.service;

import com.storymimi.studio.model.MediaKind;
import com.storymimi.studio.model.MediaRef;
import com.storymimi.studio.model.Scene;
import com.storymimi.studio.model.SceneDraft;
import com.storymimi.studio.model.StoryStatus;
import com.storymimi.studio.service.ServiceException.Reason;
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
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;

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

        String key = scene.storyId() + "/" + scene.sceneId() + ".png";
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
        String key = scene.storyId() + "/" + scene.sceneId() + ".wav";
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
    void replacingAJpegWithAPngRemovesTheJpegAfterwards(ServiceBackend.Kind kind) throws Exception {
        given(kind);
        Scene withJpeg = media.attach(scene, MediaKind.IMAGE, MediaFiles.jpeg(files, "a.jpg"), s -> { }).join();

        Scene withPng = media.attach(withJpeg, MediaKind.IMAGE, MediaFiles.png(files, "b.png"), s -> { }).join();

        String base = scene.storyId() + "/" + scene.sceneId();
        assertEquals(storage.publicUrl("story-images", base + ".png"), withPng.imageUrl());
        assertEquals(Set.of(new MediaRef("story-images", base + ".png")), storage.objects.keySet());
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(ServiceBackend.Kind.class)
    void detachClearsTheUrlAndRemovesTheObject(ServiceBackend.Kind kind) throws Exception {
        given(kind);
        Scene withAudio = media.attach(scene, MediaKind.AUDIO, MediaFiles.mp3WithId3(files, "a.mp3"), s -> { }).join();

        Scene cleared = media.detach(withAudio, MediaKind.AUDIO).join();

        assertNull(cleared.audioUrl());
        assertEquals(List.of(cleared), scenes.list(scene.storyId()).join());
        assertEquals(Set.of(), storage.objects.keySet());
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
