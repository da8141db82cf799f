package com.storymimi.studio.ui.editor;

import com.storymimi.studio.ui.testing.NoRevisions;
import com.storymimi.studio.ui.undo.EditRecorder;
import com.storymimi.studio.ui.undo.UndoHistory;
import com.storymimi.studio.ui.testing.InMemoryTrashService;
import com.storymimi.studio.model.MediaKind;
import com.storymimi.studio.model.Scene;
import com.storymimi.studio.model.Story;
import com.storymimi.studio.model.StoryStatus;
import com.storymimi.studio.model.User;
import com.storymimi.studio.ui.common.BackgroundJob;
import com.storymimi.studio.ui.common.BackgroundJobs;
import com.storymimi.studio.ui.common.Texts;
import com.storymimi.studio.ui.common.UserMessages;
import com.storymimi.studio.ui.testing.InMemoryCatalog;
import com.storymimi.studio.ui.testing.InMemoryMediaService;
import com.storymimi.studio.ui.testing.InMemorySceneService;
import com.storymimi.studio.ui.testing.InMemoryStoryService;
import com.storymimi.studio.ui.testing.InMemoryUserService;
import com.storymimi.studio.ui.testing.ManualDelays;
import com.storymimi.studio.ui.testing.MediaSamples;
import com.storymimi.studio.ui.testing.RecordingDialogs;
import com.storymimi.studio.ui.testing.RecordingDrafts;
import com.storymimi.studio.ui.testing.TestTexts;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every editor upload (a drop zone, the strip's multi-file drop) shows up as a job in the status bar's queue. */
class StoryEditorUploadJobsTest {

    @TempDir
    Path dir;

    private final InMemoryUserService users = new InMemoryUserService(Duration.ZERO);
    private final InMemoryCatalog catalog = new InMemoryCatalog(users, Duration.ZERO);
    final UndoHistory undo = new UndoHistory(Runnable::run, new UserMessages(TestTexts.create()), TestTexts.create());
    private final RecordingDialogs dialogs = new RecordingDialogs();
    private final Texts texts = TestTexts.create();
    private final Clock clock = Clock.fixed(Instant.parse("2025-03-01T12:04:00Z"), ZoneOffset.UTC);
    private final BackgroundJobs jobs = new BackgroundJobs(dialogs, new UserMessages(texts), texts, Runnable::run, Runnable::run, clock);
    private InMemoryMediaService media;
    private Story owl;
    private Scene third;

    @BeforeEach
    void seed() throws Exception {
        media = new InMemoryMediaService(catalog, Files.createDirectories(dir.resolve("objects")));
        User ana = users.insert("ana", "ana@example.com");
        owl = catalog.insertStory(ana.userId(), "The Owl", "", StoryStatus.COMPLETED);
        catalog.insertScene(owl.storyId(), "The forest", null, null);
        catalog.insertScene(owl.storyId(), "The river", null, null);
        third = catalog.insertScene(owl.storyId(), "The owl", null, null);
    }

    private StoryEditorViewModel opened() {
        EditorContext context = new EditorContext(new InMemoryStoryService(catalog), new InMemorySceneService(catalog),
                new TrackedMediaService(media, jobs, texts), new RecordingDrafts(), dialogs, new UserMessages(texts),
                texts, Runnable::run, new ManualDelays(), clock,
                new EditRecorder(undo, new InMemoryTrashService(catalog), texts), new NoRevisions());
        StoryEditorViewModel editor = new StoryEditorViewModel(owl.storyId(), "ana", context, Runnable::run);
        editor.start();
        return editor;
    }

    private Path png(String name) {
        return MediaSamples.write(dir, name, MediaSamples.png(8, 8, 0x112233, 0x445566));
    }

    @Test
    void aFileDroppedOnTheImageZoneIsListedAsADoneJobAndAnnounced() {
        StoryEditorViewModel editor = opened();
        Path file = png("03.png");

        editor.media().drop(MediaKind.IMAGE, List.of(file));

        assertEquals(1, jobs.jobs().size());
        BackgroundJob job = jobs.jobs().getFirst();
        assertEquals("03.png → scene 1 image", job.name());
        assertEquals(BackgroundJob.State.DONE, job.state());
        assertEquals(file.toFile().length(), job.bytesTotalProperty().get());
        assertTrue(dialogs.infos.contains("Uploaded 03.png to scene 1."), dialogs.infos.toString());
        assertTrue(editor.media().image().presentProperty().get(), "the in-place slot still shows the result");
    }

    @Test
    void theStripsMultiFileDropListsOneJobPerFile() {
        StoryEditorViewModel editor = opened();
        dialogs.answering(true);

        editor.dropOnStrip(List.of(png("1.png"), png("3.png")));

        List<String> names = jobs.jobs().stream().map(BackgroundJob::name).toList();
        assertEquals(List.of("3.png → scene 3 image", "1.png → scene 1 image"), names, "newest first");
        assertTrue(jobs.jobs().stream().allMatch(j -> j.state() == BackgroundJob.State.DONE));
        assertTrue(catalog.scene(third.sceneId()).orElseThrow().imageUrl().endsWith(".png"));
    }

    @Test
    void aFailedUploadRetriedFromTheQueueShowsInTheOpenEditor() {
        StoryEditorViewModel editor = opened();
        media.failingAttaches.set(1);

        editor.media().drop(MediaKind.IMAGE, List.of(png("03.png")));

        BackgroundJob job = jobs.jobs().getFirst();
        assertEquals(BackgroundJob.State.FAILED, job.state());
        assertFalse(editor.media().image().presentProperty().get());
        assertFalse(editor.media().image().messageProperty().get().isEmpty(), "the zone says it failed");

        job.retry();

        assertEquals(BackgroundJob.State.DONE, job.state());
        Scene stored = catalog.scene(editor.selectedProperty().get().sceneId()).orElseThrow();
        assertTrue(stored.imageUrl().endsWith(".png"));
        assertTrue(editor.media().image().presentProperty().get(), "the retried image shows in the zone");
        assertEquals("", editor.media().image().messageProperty().get(), "the failure is no longer shown");
        assertEquals(stored.imageUrl(), editor.selectedProperty().get().scene().imageUrl(), "and in the strip");
    }

    @Test
    void aRetryAfterTheEditorClosedTouchesNothingOfIt() {
        StoryEditorViewModel editor = opened();
        media.failingAttaches.set(1);
        editor.media().drop(MediaKind.IMAGE, List.of(png("03.png")));
        SceneItem shown = editor.selectedProperty().get();
        editor.close().join();

        jobs.jobs().getFirst().retry();

        assertTrue(catalog.scene(shown.sceneId()).orElseThrow().imageUrl().endsWith(".png"), "the upload is done");
        assertNull(shown.scene().imageUrl(), "the closed editor no longer listens");
    }
}
