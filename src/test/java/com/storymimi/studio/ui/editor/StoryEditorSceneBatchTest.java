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
import com.storymimi.studio.service.ServiceException;
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
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Deleting a scene and dropping many files on the strip, over the in-memory services with direct executors. */
class StoryEditorSceneBatchTest {

    @TempDir
    Path dir;

    private final InMemoryUserService users = new InMemoryUserService(Duration.ZERO);
    private final InMemoryCatalog catalog = new InMemoryCatalog(users, Duration.ZERO);
    final UndoHistory undo = new UndoHistory(Runnable::run, new UserMessages(TestTexts.create()), TestTexts.create());
    private final InMemoryStoryService stories = new InMemoryStoryService(catalog);
    private final InMemorySceneService scenes = new InMemorySceneService(catalog);
    private final RecordingDialogs dialogs = new RecordingDialogs();
    private final RecordingDrafts drafts = new RecordingDrafts();
    private final ManualDelays delays = new ManualDelays();
    private InMemoryMediaService media;
    private Story owl;
    private List<Scene> owlScenes;

    /** Scenes 1..4; 1 and 3 have an image, 3 also a narration. */
    @BeforeEach
    void seed() throws Exception {
        media = new InMemoryMediaService(catalog, Files.createDirectories(dir.resolve("objects")));
        User ana = users.insert("ana", "ana@example.com");
        owl = catalog.insertStory(ana.userId(), "The Owl", "", StoryStatus.COMPLETED);
        List<Scene> created = new ArrayList<>();
        for (String text : List.of("The forest", "The river", "The owl wakes", "")) {
            created.add(catalog.insertScene(owl.storyId(), text, null, null));
        }
        for (int i : new int[] {0, 2}) {
            Scene s = created.get(i);
            String image = media.store(MediaKind.IMAGE, s, "png", MediaSamples.png(8, 8, 0x112233, 0x445566));
            String audio = i == 2 ? media.store(MediaKind.AUDIO, s, "wav", MediaSamples.wav(0.1, 440)) : null;
            created.set(i, catalog.setMedia(s.sceneId(), image, audio));
        }
        owlScenes = created;
    }

    private StoryEditorViewModel opened() {
        var texts = TestTexts.create();
        EditorContext context = new EditorContext(stories, scenes, media, drafts, dialogs, new UserMessages(texts),
                texts, Runnable::run, delays, Clock.fixed(Instant.parse("2025-03-01T12:04:00Z"), ZoneOffset.UTC),
                new EditRecorder(undo, new InMemoryTrashService(catalog), texts), new NoRevisions());
        StoryEditorViewModel editor = new StoryEditorViewModel(owl.storyId(), "ana", context, Runnable::run);
        editor.start();
        return editor;
    }

    private static List<String> strip(StoryEditorViewModel editor) {
        return editor.scenes().stream().map(i -> i.scene().sequence() + ":" + i.scene().text()).toList();
    }

    private Scene server(int index) {
        return catalog.scene(owlScenes.get(index).sceneId()).orElseThrow();
    }

    // -- delete -----------------------------------------------------------------------------------------------

    @Test
    void deleteAsksOnceNamingTheSceneAndItsMediaThenClosesTheGap() {
        StoryEditorViewModel editor = opened();
        editor.select(editor.scenes().get(2));
        dialogs.answering(true);

        editor.deleteSelected();

        assertEquals(1, dialogs.questions.size());
        assertEquals("Move scene 3 'The owl wakes' with its image and narration to the trash? Ctrl+Z brings it back.",
                dialogs.questions.getFirst().message());
        assertEquals("Move to trash", dialogs.questions.getFirst().confirmLabel());
        assertTrue(catalog.scene(owlScenes.get(2).sceneId()).isEmpty(), "gone on the server");
        assertEquals(List.of("1:The forest", "2:The river", "3:"), strip(editor), "the strip renumbers");
        assertEquals(editor.scenes().get(2), editor.selectedProperty().get(), "the next scene is selected");
        assertEquals("", editor.textProperty().get());
        assertFalse(editor.deletingProperty().get());
    }

    @Test
    void ctrlZBringsADeletedSceneBackToItsPlaceWithItsMediaAndCtrlShiftZDeletesItAgain() {
        StoryEditorViewModel editor = opened();
        editor.select(editor.scenes().get(1));
        dialogs.answering(true);
        Scene river = editor.selectedProperty().get().scene();
        editor.deleteSelected();
        assertEquals("Undo Delete scene 2 (Ctrl+Z)", undo.undoLabelProperty().get());

        undo.undo().join();

        assertEquals(List.of("1:The forest", "2:The river", "3:The owl wakes", "4:"), strip(editor));
        assertEquals(river, catalog.scene(river.sceneId()).orElseThrow(), "back as it was, image and all");
        assertEquals("Undone: Delete scene 2.", undo.messageProperty().get());
        undo.redo().join();
        assertEquals(List.of("1:The forest", "2:The owl wakes", "3:"), strip(editor));
        assertTrue(catalog.scene(river.sceneId()).isEmpty());
    }

    @Test
    void undoingADeleteWhoseStoryWentMeanwhileSaysSoAndKeepsTheStep() {
        StoryEditorViewModel editor = opened();
        dialogs.answering(true);
        editor.deleteSelected();
        stories.delete(owl.storyId()).join(); // another editor deletes the whole story

        undo.undo().join();

        assertEquals("It belongs to a user or story that is not there any more. Restore that first.",
                undo.messageProperty().get());
        assertTrue(undo.canUndoProperty().get(), "the step is still there, for after the story is restored");
    }

    @Test
    void theQuestionOnlyNamesTheMediaTheSceneHas() {
        StoryEditorViewModel editor = opened();

        editor.deleteSelected(); // scene 1: image only; answered no
        editor.select(editor.scenes().get(3));
        editor.deleteSelected(); // scene 4: no text, no media

        assertEquals(List.of("Move scene 1 'The forest' with its image to the trash? Ctrl+Z brings it back.",
                        "Move scene 4 to the trash? Ctrl+Z brings it back."),
                dialogs.questions.stream().map(RecordingDialogs.Question::message).toList());
        assertEquals(4, editor.scenes().size(), "answering no deletes nothing");
        assertEquals(4, scenes.list(owl.storyId()).join().size());
    }

    @Test
    void pendingTextOfTheDeletedSceneIsNeitherSavedNorKeptAsADraft() {
        StoryEditorViewModel editor = opened();
        editor.textProperty().set("The forest, edited");
        dialogs.answering(true);

        editor.deleteSelected();
        delays.advance(Duration.ofMinutes(1));

        assertEquals(List.of(), scenes.savedTexts, "nothing saved over a deleted scene");
        assertEquals(List.of("1:The river", "2:The owl wakes", "3:"), strip(editor));
        assertEquals("The river", editor.textProperty().get());
        assertTrue(drafts.forStory(owl.storyId()).join().isEmpty(), "no draft left behind");
    }

    @Test
    void aFailedDeleteSaysOneSentenceAndKeepsEverything() {
        StoryEditorViewModel editor = opened();
        dialogs.answering(true);
        scenes.failNext(new ServiceException(ServiceException.Reason.UNAVAILABLE, "connection refused"));

        editor.deleteSelected();

        assertEquals(List.of("The scene was not deleted: the server could not be reached. Try again in a moment."),
                dialogs.errors);
        assertEquals(4, editor.scenes().size());
        assertEquals(editor.scenes().getFirst(), editor.selectedProperty().get());
        assertEquals(4, scenes.list(owl.storyId()).join().size());
    }

    @Test
    void deletingTheOnlySceneLeavesNoneSelected() {
        StoryEditorViewModel editor = opened();
        dialogs.answering(true);
        for (int i = 0; i < 4; i++) {
            editor.deleteSelected();
        }

        assertTrue(editor.scenes().isEmpty());
        assertNull(editor.selectedProperty().get());
        assertTrue(scenes.list(owl.storyId()).join().isEmpty());
    }

    // -- drop on the strip ------------------------------------------------------------------------------------

    private Path png(String name) {
        return MediaSamples.write(dir, name, MediaSamples.png(64, 48, 0x224466, 0xaaccee));
    }

    private Path wav(String name) {
        return MediaSamples.write(dir, name, MediaSamples.wav(0.2, 330));
    }

    @Test
    void thePlanSaysPerFileWhereItGoesOrWhyNotBeforeAnythingIsUploaded() {
        StoryEditorViewModel editor = opened();
        List<Path> files = List.of(png("1.png"), wav("02.mp3"), png("scene-3.png"), wav("Scene_04.wav"),
                png("7.png"), MediaSamples.write(dir, "2.webp", MediaSamples.webp()), png("01.png"),
                MediaSamples.write(dir, "notes.txt", new byte[] {1}), png("cover.png"));

        editor.dropOnStrip(files);

        RecordingDialogs.Plan plan = dialogs.plans.getFirst();
        assertEquals(List.of(
                "1.png → scene 1 image (replaces current)",
                "02.mp3 → scene 2 narration",
                "scene-3.png → scene 3 image (replaces current)",
                "Scene_04.wav → scene 4 narration",
                "7.png → scene 7: no such scene (skipped)",
                "2.webp refused: WebP is not supported: use PNG or JPEG",
                "01.png → scene 1 image: 1.png goes there already (skipped)",
                "notes.txt: not an image or narration (skipped)",
                "cover.png: no scene number in the name (skipped)"), plan.lines());
        assertEquals("4 files will be uploaded:", plan.message());
        assertEquals("Upload", plan.confirmLabel());
        assertEquals(List.of(), media.attached, "nothing uploaded: the person said no");
        assertFalse(editor.stripUploadingProperty().get());
    }

    @Test
    void onConfirmTheAcceptedFilesAreUploadedInOrderAndOneSentenceSumsUp() {
        StoryEditorViewModel editor = opened();
        dialogs.answering(true);

        editor.dropOnStrip(List.of(wav("02.wav"), MediaSamples.write(dir, "3.webp", MediaSamples.webp()),
                png("4.png"), png("9.png")));

        assertEquals(List.of("AUDIO:02.wav", "IMAGE:4.png"), media.attached);
        assertTrue(server(1).audioUrl().endsWith(".wav"));
        assertTrue(server(3).imageUrl().endsWith(".png"));
        String summary = "Uploaded 2 files; 1 refused; 1 skipped.";
        assertEquals(List.of(summary), dialogs.infos);
        assertEquals(summary, editor.stripUploadStatusProperty().get());
        assertEquals(server(3), editor.scenes().get(3).scene(), "the strip has the new rows");
        assertNotNull(editor.scenes().get(3).thumbnailProperty().get(), "and the new thumbnail");
        assertTrue(editor.scenes().stream().allMatch(i -> i.uploadProgressProperty().get() < 0), "no bar left");
    }

    @Test
    void oneCtrlZTakesBackAWholeDropAndCtrlShiftZMakesItAgain() {
        StoryEditorViewModel editor = opened();
        dialogs.answering(true);
        String firstImage = server(0).imageUrl();
        editor.dropOnStrip(List.of(png("01.png"), wav("02.wav")));
        String replacing = server(0).imageUrl();
        String added = server(1).audioUrl();
        assertEquals("Undo Drop 2 files on scenes (Ctrl+Z)", undo.undoLabelProperty().get());

        undo.undo().join();

        assertEquals(firstImage, server(0).imageUrl(), "scene 1 has its earlier image again");
        assertNull(server(1).audioUrl(), "scene 2 has no narration again");
        assertEquals(server(0), editor.scenes().get(0).scene(), "the strip shows the rows the undo wrote");
        assertEquals(java.util.Set.of(replacing, added), media.kept(), "what the drop brought waits for a redo");
        undo.redo().join();
        assertEquals(replacing, server(0).imageUrl());
        assertEquals(added, server(1).audioUrl());
        assertEquals(1, undo.undoableCount());
    }

    /** A valid PNG start followed by noise: the check reads the first bytes only, the upload all of them. */
    private static byte[] bigPng(int size) {
        byte[] start = MediaSamples.png(8, 8, 0, 0xffffff);
        byte[] all = new byte[size];
        new java.util.Random(6).nextBytes(all);
        System.arraycopy(start, 0, all, 0, start.length);
        return all;
    }

    @Test
    void eachSceneShowsItsUploadsProgressWhileItRuns() {
        StoryEditorViewModel editor = opened();
        dialogs.answering(true);
        SceneItem second = editor.scenes().get(1);
        List<Double> seen = new ArrayList<>();
        second.uploadProgressProperty().addListener((obs, old, now) -> seen.add(now.doubleValue()));
        List<String> status = new ArrayList<>();
        editor.stripUploadStatusProperty().addListener((obs, old, now) -> status.add(now));

        editor.dropOnStrip(List.of(MediaSamples.write(dir, "2.png", bigPng(100_000))));

        assertEquals(0.0, seen.getFirst());
        assertTrue(seen.size() > 3, "several steps for a file of several chunks: " + seen);
        assertEquals(1.0, seen.get(seen.size() - 2), 1e-9);
        assertEquals(-1.0, seen.getLast(), "the bar goes away when it is done");
        assertEquals(List.of("Checking 1 file…", "Uploading 1 of 1: 2.png", "Uploaded 1 file."), status);
    }

    @Test
    void aFolderIsExpandedOneLevelInNameOrder() throws Exception {
        StoryEditorViewModel editor = opened();
        Path folder = Files.createDirectories(dir.resolve("owl-media"));
        MediaSamples.write(folder, "2.png", MediaSamples.png(8, 8, 0, 0xffffff));
        MediaSamples.write(folder, "1.wav", MediaSamples.wav(0.1, 440));
        MediaSamples.write(folder, ".hidden.png", MediaSamples.png(8, 8, 0, 0xffffff));
        MediaSamples.write(Files.createDirectories(folder.resolve("deeper")), "3.png", MediaSamples.png(8, 8, 0, 1));

        editor.dropOnStrip(List.of(folder));

        assertEquals(List.of("1.wav → scene 1 narration", "2.png → scene 2 image"), dialogs.plans.getFirst().lines());
    }

    @Test
    void aDropWithNothingToUploadSaysSoAndOffersOnlyToClose() {
        StoryEditorViewModel editor = opened();
        dialogs.answering(true);

        editor.dropOnStrip(List.of(png("12.png"), MediaSamples.write(dir, "a.txt", new byte[] {1})));

        RecordingDialogs.Plan plan = dialogs.plans.getFirst();
        assertEquals("None of the dropped files can be uploaded.", plan.message());
        assertEquals("Close", plan.confirmLabel());
        assertEquals(List.of(), media.attached);
        assertEquals(List.of(), dialogs.infos, "no summary for nothing");
        assertFalse(editor.stripUploadingProperty().get());
    }

    @Test
    void aSceneDeletedWhileThePlanWasShownCountsAsFailedAndTheRestGoesOn() {
        StoryEditorViewModel editor = opened();
        dialogs.answering(true);
        scenes.delete(server(0)).join(); // elsewhere: scene 1 is gone, 2 becomes 1 ...; the editor still has 4

        editor.dropOnStrip(List.of(png("1.png"), png("2.png")));

        assertEquals(List.of("IMAGE:2.png"), media.attached);
        assertEquals(1, dialogs.errors.size());
        assertTrue(dialogs.errors.getFirst().startsWith("Uploaded 1 file; 1 failed."), dialogs.errors.getFirst());
    }
}
