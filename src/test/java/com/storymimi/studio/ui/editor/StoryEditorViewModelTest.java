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
import com.storymimi.studio.ui.common.ConflictResolution;
import com.storymimi.studio.ui.common.ConflictResolution.Choice;
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
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class StoryEditorViewModelTest {

    private static final Duration PAUSE = SceneTextSession.AUTOSAVE_DELAY;

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

    @BeforeEach
    void seed() throws Exception {
        media = new InMemoryMediaService(catalog, Files.createDirectories(dir.resolve("objects")));
        User ana = users.insert("ana", "ana@example.com");
        owl = catalog.insertStory(ana.userId(), "The Owl", "an owl who cannot sleep", StoryStatus.COMPLETED);
        List<Scene> created = new ArrayList<>();
        for (String text : List.of("The forest", "The river", "The owl")) {
            Scene scene = catalog.insertScene(owl.storyId(), text, null, null);
            String image = media.store(MediaKind.IMAGE, scene, "png", MediaSamples.png(8, 8, 0x112233, 0x445566));
            created.add(catalog.setMedia(scene.sceneId(), image, null));
        }
        owlScenes = created;
    }

    private StoryEditorViewModel opened() {
        var texts = TestTexts.create();
        EditorContext context = new EditorContext(stories, scenes, media, drafts, dialogs, new UserMessages(texts),
                texts, Runnable::run, delays, Clock.fixed(Instant.parse("2025-03-01T12:04:00Z"), ZoneOffset.UTC),
                new EditRecorder(undo, new InMemoryTrashService(catalog), texts), new NoRevisions());
        StoryEditorViewModel editor = new StoryEditorViewModel(owl.storyId(), "ana", context);
        editor.start();
        return editor;
    }

    private String serverText(int index) {
        return catalog.scene(owlScenes.get(index).sceneId()).orElseThrow().text();
    }

    private static List<String> strip(StoryEditorViewModel editor) {
        return editor.scenes().stream().map(i -> i.scene().text()).toList();
    }

    // -- opening ----------------------------------------------------------------------------------------------

    @Test
    void openingShowsTheHeaderTheStripAndTheFirstScene() {
        StoryEditorViewModel editor = opened();

        assertEquals("The Owl", editor.titleProperty().get());
        assertEquals(StoryStatus.COMPLETED, editor.statusProperty().get());
        assertEquals("an owl who cannot sleep", editor.promptProperty().get());
        assertEquals("ana", editor.usernameProperty().get());
        assertEquals(List.of("The forest", "The river", "The owl"), strip(editor));
        assertEquals(editor.scenes().getFirst(), editor.selectedProperty().get());
        assertEquals("The forest", editor.textProperty().get());
        assertNotNull(editor.media().image().fileProperty().get(), "the image's local copy is shown");
        assertFalse(editor.media().audio().presentProperty().get());
        assertNotNull(editor.scenes().get(2).thumbnailProperty().get());
    }

    @Test
    void theSheetButtonSavesWhatIsTypedThenDrawsTheStoryAsTheServerHasIt() {
        StoryEditorViewModel editor = opened();
        editor.textProperty().set("The forest at dusk");
        dialogs.choosingFile(dir.resolve("owl"));
        List<com.storymimi.studio.ui.player.StoryboardSheet> drawn = new ArrayList<>();

        editor.saveSheet((sheet, target) -> {
            drawn.add(sheet);
            return java.util.concurrent.CompletableFuture.completedFuture(null);
        }).join();

        assertEquals(List.of("The forest at dusk"), scenes.savedTexts, "saved before the sheet, no pause needed");
        assertEquals(List.of("The Owl.png"), dialogs.suggestedNames);
        assertEquals(List.of("The forest at dusk", "The river", "The owl"),
                drawn.getFirst().scenes().stream().map(com.storymimi.studio.ui.player.StoryboardSheet.Entry::text)
                        .toList());
        assertTrue(drawn.getFirst().scenes().stream().allMatch(scene -> scene.image().isPresent()));
        assertEquals(List.of("Saved the storyboard sheet (3 scenes) to owl.png."), dialogs.infos);
    }

    // -- autosave ---------------------------------------------------------------------------------------------

    @Test
    void textIsSavedOnceAfterAPauseInTyping() {
        StoryEditorViewModel editor = opened();

        editor.textProperty().set("The forest at night");
        delays.advance(Duration.ofMillis(1000));
        editor.textProperty().set("The forest at night, quiet");
        delays.advance(PAUSE.minusMillis(1));
        assertEquals(List.of(), scenes.savedTexts, "no save while typing goes on");
        assertEquals(SaveState.EDITED, editor.saveStateProperty().get());

        delays.advance(Duration.ofMillis(1));

        assertEquals(List.of("The forest at night, quiet"), scenes.savedTexts);
        assertEquals("The forest at night, quiet", serverText(0));
        assertEquals(SaveState.SAVED, editor.saveStateProperty().get());
        assertEquals("Saved 12:04", editor.saveStateTextProperty().get());
        assertEquals("The forest at night, quiet", editor.scenes().getFirst().scene().text(), "the strip follows");
    }

    @Test
    void theDraftIsOnDiskBeforeTheServerIsAskedAndGoneOnlyAfterItConfirmed() {
        StoryEditorViewModel editor = opened();
        CompletableFuture<Void> server = scenes.holdTextSaves();

        editor.textProperty().set("Deep in the forest");
        delays.advance(PAUSE);

        assertEquals(SaveState.SAVING, editor.saveStateProperty().get());
        assertEquals("Deep in the forest", drafts.drafts.get(owlScenes.getFirst().sceneId()).text());
        assertEquals(owlScenes.getFirst().updatedAt(), drafts.drafts.get(owlScenes.getFirst().sceneId()).baseUpdatedAt());

        server.complete(null);

        assertTrue(drafts.drafts.isEmpty());
        assertEquals(List.of("draft:Deep in the forest", "removed:Deep in the forest"), drafts.log);
    }

    @Test
    void aSceneDeletedByAnotherEditorWhileTypedIntoSaysSoAndKeepsTheText() {
        StoryEditorViewModel editor = opened();
        new InMemorySceneService(catalog).delete(owlScenes.getFirst()).join(); // another editor, elsewhere

        editor.textProperty().set("Deep in the forest");
        delays.advance(PAUSE);

        assertEquals(SaveState.DRAFT_KEPT, editor.saveStateProperty().get());
        assertEquals("Not saved: This scene no longer exists. The text is kept on this computer.",
                editor.saveStateTextProperty().get());
        assertEquals("Deep in the forest", drafts.drafts.get(owlScenes.getFirst().sceneId()).text(),
                "nothing typed is lost");
        assertTrue(catalog.scene(owlScenes.getFirst().sceneId()).isEmpty(), "the save did not bring the scene back");
    }

    @Test
    void aFailedSaveKeepsTheDraftAndSaysSoAndCtrlSTriesAgain() {
        StoryEditorViewModel editor = opened();
        scenes.failNext(new ServiceException(ServiceException.Reason.UNAVAILABLE, "connection refused"));

        editor.textProperty().set("Deep in the forest");
        delays.advance(PAUSE);

        assertEquals(SaveState.DRAFT_KEPT, editor.saveStateProperty().get());
        assertEquals("Not saved: The server could not be reached. Check the connection and try again. "
                + "The text is kept on this computer.", editor.saveStateTextProperty().get());
        assertTrue(drafts.drafts.containsKey(owlScenes.getFirst().sceneId()));
        assertTrue(editor.scenes().getFirst().unsavedProperty().get());

        editor.saveNow();

        assertEquals("Deep in the forest", serverText(0));
        assertTrue(drafts.drafts.isEmpty());
        assertFalse(editor.scenes().getFirst().unsavedProperty().get());
    }

    @Test
    void leavingASceneSavesItsTextAtOnce() {
        StoryEditorViewModel editor = opened();

        editor.textProperty().set("The forest, changed");
        editor.select(editor.scenes().get(1));

        assertEquals("The forest, changed", serverText(0), "saved without waiting for the pause");
        assertEquals("The river", editor.textProperty().get());
        delays.advance(PAUSE.multipliedBy(2));
        assertEquals(1, scenes.savedTexts.size(), "the cancelled autosave does not save twice");
    }

    @Test
    void textTypedWhileASaveIsUnderWayIsSavedAfterItOverTheNewVersion() {
        StoryEditorViewModel editor = opened();
        CompletableFuture<Void> server = scenes.holdTextSaves();
        editor.textProperty().set("one");
        delays.advance(PAUSE);

        editor.textProperty().set("one two");
        server.complete(null);
        assertTrue(drafts.drafts.containsKey(owlScenes.getFirst().sceneId()), "the newer text is not confirmed yet");
        delays.advance(PAUSE);

        assertEquals(List.of("one", "one two"), scenes.savedTexts);
        assertEquals("one two", serverText(0));
        assertTrue(dialogs.conflicts.isEmpty(), "the second save went over the version the first returned");
        assertTrue(drafts.drafts.isEmpty());
    }

    @Test
    void closingTheEditorSavesWhatIsPending() {
        StoryEditorViewModel editor = opened();
        editor.textProperty().set("last words");

        CompletableFuture<Void> closed = editor.close();

        assertTrue(closed.isDone());
        assertEquals("last words", serverText(0));
    }

    // -- drafts from an earlier session -----------------------------------------------------------------------

    @Test
    void aDraftLeftFromAnEarlierSessionIsRestoredAndSavedOnClose() {
        Scene river = owlScenes.get(1);
        drafts.save(new SceneTextDraft(river.sceneId(), owl.storyId(), "The river, rewritten", river.updatedAt(),
                Instant.parse("2025-03-01T11:00:00Z")));

        StoryEditorViewModel editor = opened();

        assertEquals(editor.scenes().get(1), editor.selectedProperty().get(), "the scene with the draft is shown");
        assertEquals("The river, rewritten", editor.textProperty().get());
        assertEquals("Restored unsaved text of scene 2 from an earlier session.", editor.noticeProperty().get());
        assertEquals(SaveState.DRAFT_KEPT, editor.saveStateProperty().get());

        editor.close();

        assertEquals("The river, rewritten", serverText(1));
        assertTrue(drafts.drafts.isEmpty());
    }

    @Test
    void aDraftThatTheServerAlreadyHasIsDroppedQuietly() {
        Scene forest = owlScenes.getFirst();
        drafts.save(new SceneTextDraft(forest.sceneId(), owl.storyId(), "The forest", forest.updatedAt(), null));

        StoryEditorViewModel editor = opened();

        assertEquals("", editor.noticeProperty().get());
        assertTrue(drafts.drafts.isEmpty());
    }

    // -- conflicts --------------------------------------------------------------------------------------------

    @Test
    void aConflictShowsTheirsAndYoursAndKeepMineSavesOverTheNewerVersion() {
        StoryEditorViewModel editor = opened();
        catalog.changeSceneElsewhere(owlScenes.getFirst().sceneId(), "The forest, by Bruno");
        dialogs.resolvingConflicts(new ConflictResolution(Choice.KEEP_MINE, "The forest, by Ana"));

        editor.textProperty().set("The forest, by Ana");
        delays.advance(PAUSE);

        assertEquals(1, dialogs.conflicts.size());
        assertEquals("The forest, by Bruno", dialogs.conflicts.getFirst().theirs());
        assertEquals("The forest, by Ana", dialogs.conflicts.getFirst().yours());
        assertEquals("Scene 1 was changed by someone else", dialogs.conflicts.getFirst().title());
        assertEquals("The forest, by Ana", serverText(0));
        assertEquals(SaveState.SAVED, editor.saveStateProperty().get());
        assertTrue(drafts.drafts.isEmpty());
    }

    @Test
    void aSceneSomeoneElseDeletedIsNotSavedOverAndTheTextStaysOnThisComputer() {
        StoryEditorViewModel editor = opened();
        new InMemorySceneService(catalog).delete(catalog.scene(owlScenes.getFirst().sceneId()).orElseThrow()).join();

        editor.textProperty().set("The forest, by Ana");
        delays.advance(PAUSE);

        assertEquals(SaveState.DRAFT_KEPT, editor.saveStateProperty().get());
        assertEquals("Not saved: This scene no longer exists. The text is kept on this computer.",
                editor.saveStateTextProperty().get());
        assertEquals("The forest, by Ana", drafts.drafts.get(owlScenes.getFirst().sceneId()).text(),
                "nothing typed is lost");
        assertTrue(catalog.scene(owlScenes.getFirst().sceneId()).isEmpty(), "the delete was not undone by a save");
        assertTrue(dialogs.conflicts.isEmpty());
    }

    @Test
    void keepTheirsShowsTheServersTextAndDropsTheDraft() {
        StoryEditorViewModel editor = opened();
        catalog.changeSceneElsewhere(owlScenes.getFirst().sceneId(), "The forest, by Bruno");
        dialogs.resolvingConflicts(new ConflictResolution(Choice.KEEP_THEIRS, "The forest, by Bruno"));

        editor.textProperty().set("The forest, by Ana");
        delays.advance(PAUSE);

        assertEquals("The forest, by Bruno", editor.textProperty().get());
        assertEquals("The forest, by Bruno", serverText(0));
        assertTrue(drafts.drafts.isEmpty());
        assertEquals(SaveState.SAVED, editor.saveStateProperty().get());
    }

    @Test
    void aMergedTextIsSavedAndDecideLaterKeepsTheDraft() {
        StoryEditorViewModel editor = opened();
        catalog.changeSceneElsewhere(owlScenes.getFirst().sceneId(), "Bruno's forest");

        editor.textProperty().set("Ana's forest");
        delays.advance(PAUSE);
        assertEquals(SaveState.DRAFT_KEPT, editor.saveStateProperty().get(), "closed without deciding");
        assertEquals("Not saved: someone else changed this scene meanwhile. The text is kept on this computer.",
                editor.saveStateTextProperty().get());
        assertEquals("Bruno's forest", serverText(0));
        assertTrue(drafts.drafts.containsKey(owlScenes.getFirst().sceneId()));

        dialogs.resolvingConflicts(new ConflictResolution(Choice.MERGED, "Ana's and Bruno's forest"));
        editor.saveNow();

        assertEquals("Ana's and Bruno's forest", serverText(0));
        assertEquals("Ana's and Bruno's forest", editor.textProperty().get());
        assertTrue(drafts.drafts.isEmpty());
    }

    // -- reorder ----------------------------------------------------------------------------------------------

    @Test
    void altDownMovesTheSelectedSceneWithOneReorderCall() {
        StoryEditorViewModel editor = opened();

        editor.moveSelected(+1);

        List<UUID> expected = List.of(owlScenes.get(1).sceneId(), owlScenes.get(0).sceneId(), owlScenes.get(2).sceneId());
        assertEquals(List.of(expected), scenes.reorders);
        assertEquals(List.of("The river", "The forest", "The owl"), strip(editor));
        assertEquals("The forest", editor.selectedProperty().get().scene().text(), "the moved scene stays selected");
        assertEquals(2, editor.selectedProperty().get().scene().sequence());
    }

    @Test
    void undoingAMoveReordersBackExpectingTheMovedOrderAndRedoMovesAgain() {
        StoryEditorViewModel editor = opened();
        List<UUID> original = owlScenes.stream().map(Scene::sceneId).toList();
        editor.moveSelected(+1);
        assertEquals("Undo Move scene 1 to position 2 (Ctrl+Z)", undo.undoLabelProperty().get());

        undo.undo().join();

        assertEquals(List.of("The forest", "The river", "The owl"), strip(editor));
        assertEquals(original, scenes.list(owl.storyId()).join().stream().map(Scene::sceneId).toList());
        undo.redo().join();
        assertEquals(List.of("The river", "The forest", "The owl"), strip(editor));
    }

    @Test
    void anUndoneMoveOverAnotherEditorsReorderIsRefusedAndShowsTheirOrder() {
        StoryEditorViewModel editor = opened();
        editor.moveSelected(+1); // river, forest, owl
        List<UUID> theirs = List.of(owlScenes.get(2).sceneId(), owlScenes.get(1).sceneId(), owlScenes.get(0).sceneId());
        scenes.reorder(owl.storyId(), theirs).join(); // another editor: owl, river, forest

        undo.undo().join();

        assertEquals(List.of("The owl", "The river", "The forest"), strip(editor), "their order, not overwritten");
        assertTrue(undo.canUndoProperty().get());
        assertEquals("Someone else reordered these scenes meanwhile. Their order is shown now; make your move again.",
                undo.messageProperty().get());
    }

    @Test
    void theSavesOfOneTypingSessionUndoAsOneStepAndAStaleUndoDoesNotOverwriteANewerText() {
        StoryEditorViewModel editor = opened();
        editor.textProperty().set("The forest at night");
        delays.advance(PAUSE);
        editor.textProperty().set("The forest at night, quiet");
        delays.advance(PAUSE);
        assertEquals(2, scenes.savedTexts.size());
        assertEquals(1, undo.undoableCount(), "one step for the session");

        undo.undo().join();

        assertEquals("The forest", serverText(0));
        assertEquals("The forest", editor.textProperty().get(), "the editor shows the undone text");
        assertEquals(SaveState.SAVED, editor.saveStateProperty().get());
        undo.redo().join();
        assertEquals("The forest at night, quiet", serverText(0));
        assertEquals("The forest at night, quiet", editor.textProperty().get());

        catalog.changeSceneElsewhere(owlScenes.get(0).sceneId(), "Their forest");
        undo.undo().join();
        assertEquals("Their forest", serverText(0), "a newer text from elsewhere is not overwritten");
        assertTrue(undo.canUndoProperty().get());
    }

    @Test
    void aTextSaveUndoesAfterAMoveOfItsSceneWasUndoneFirst() {
        StoryEditorViewModel editor = opened();
        editor.textProperty().set("The forest at dawn");
        delays.advance(PAUSE);
        editor.moveSelected(+1); // bumps the moved scenes' updated_at

        undo.undo().join(); // the move
        undo.undo().join(); // the text, over a row the move changed: its text is still ours, so it goes through

        assertEquals("The forest", serverText(0));
        assertEquals(List.of("The forest", "The river", "The owl"), strip(editor));
        assertEquals("Undone: Edit the text of scene 1.", undo.messageProperty().get());
    }

    @Test
    void aFailedReorderPutsTheStripBackAndSaysWhy() {
        StoryEditorViewModel editor = opened();
        editor.select(editor.scenes().get(2));
        scenes.failNext(new ServiceException(ServiceException.Reason.UNAVAILABLE, "timeout"));

        editor.moveSelected(-1);

        assertEquals(List.of("The forest", "The river", "The owl"), strip(editor));
        assertEquals(List.of("The server could not be reached, so the new order was not saved. The old order is back."),
                dialogs.errors);
    }

    @Test
    void aReorderOverAnotherEditorsReorderShowsTheirOrderInsteadOfOverwritingIt() {
        StoryEditorViewModel editor = opened();
        // another editor moved the owl to the front after this editor loaded the story
        scenes.reorder(owl.storyId(), List.of(owlScenes.get(2).sceneId(), owlScenes.get(0).sceneId(),
                owlScenes.get(1).sceneId())).join();
        scenes.reorders.clear();

        editor.moveSelected(+1);

        assertEquals(List.of("The owl", "The forest", "The river"), strip(editor), "their order, not ours and not the old");
        assertEquals(List.of("The owl", "The forest", "The river"), new InMemorySceneService(catalog).list(owl.storyId())
                .join().stream().map(Scene::text).toList(), "nothing overwritten");
        assertEquals(List.of("Someone else reordered these scenes meanwhile. Their order is shown now; "
                + "make your move again."), dialogs.errors);
    }

    @Test
    void movingPastEitherEndDoesNothing() {
        StoryEditorViewModel editor = opened();

        editor.moveSelected(-1);

        assertTrue(scenes.reorders.isEmpty());
    }

    @Test
    void aTextSavedAfterAReorderDoesNotConflictWithOurOwnMove() {
        StoryEditorViewModel editor = opened();
        editor.moveSelected(+1); // the server bumps updated_at of the moved rows

        editor.textProperty().set("The forest, second now");
        delays.advance(PAUSE);

        assertTrue(dialogs.conflicts.isEmpty());
        assertEquals("The forest, second now", serverText(0));
    }

    @Test
    void addSceneAppendsTheNextNumberAndSelectsIt() {
        StoryEditorViewModel editor = opened();

        editor.addSceneCommand().execute();

        assertEquals(4, editor.scenes().size());
        assertEquals(4, editor.selectedProperty().get().scene().sequence());
        assertEquals("", editor.textProperty().get());
    }

    @Test
    void undoingAnAddedSceneMovesItToTheTrashAndRedoBringsItBack() {
        StoryEditorViewModel editor = opened();
        editor.addSceneCommand().execute();
        assertEquals("Undo Add scene 4 (Ctrl+Z)", undo.undoLabelProperty().get());

        undo.undo().join();
        assertEquals(3, editor.scenes().size());
        assertEquals(3, scenes.list(owl.storyId()).join().size());
        undo.redo().join();
        assertEquals(4, editor.scenes().size());
    }

    // -- media ------------------------------------------------------------------------------------------------

    @Test
    void aWebpDroppedOnTheImageZoneIsRefusedWithTheServicesSentence() {
        StoryEditorViewModel editor = opened();
        Path webp = MediaSamples.write(dir, "cover.webp", MediaSamples.webp());

        assertTrue(editor.media().acceptsDrag(MediaKind.IMAGE, List.of(webp)), "let through to explain on drop");
        editor.media().drop(MediaKind.IMAGE, List.of(webp));

        assertEquals("WebP is not supported: use PNG or JPEG", editor.media().image().messageProperty().get());
        assertTrue(media.attached.isEmpty());
        assertFalse(editor.media().image().uploadingProperty().get());
    }

    @Test
    void dragOverAcceptsOneFileOfAPlausibleTypeOnly() {
        StoryEditorViewModel editor = opened();
        Path png = dir.resolve("a.png");
        Path txt = dir.resolve("notes.txt");

        assertTrue(editor.media().acceptsDrag(MediaKind.IMAGE, List.of(png)));
        assertFalse(editor.media().acceptsDrag(MediaKind.IMAGE, List.of(txt)));
        assertFalse(editor.media().acceptsDrag(MediaKind.AUDIO, List.of(png)));
        assertFalse(editor.media().acceptsDrag(MediaKind.IMAGE, List.of(png, png)));
    }

    @Test
    void aDroppedPngIsUploadedWithProgressAndShown() throws Exception {
        StoryEditorViewModel editor = opened();
        byte[] large = new byte[100_000]; // a PNG signature and then enough bytes for several upload chunks
        System.arraycopy(MediaSamples.png(4, 4, 0, 0), 0, large, 0, 8);
        Path png = MediaSamples.write(dir, "forest.png", large);
        List<Double> progress = new ArrayList<>();
        MediaSlot slot = editor.media().image();
        slot.progressProperty().addListener((obs, old, now) -> {
            if (slot.uploadingProperty().get()) {
                progress.add(now.doubleValue());
            }
        });
        Path before = editor.media().image().fileProperty().get();

        editor.media().drop(MediaKind.IMAGE, List.of(png));

        assertEquals(List.of("IMAGE:forest.png"), media.attached);
        assertTrue(progress.size() > 3, "the upload reports as it goes: " + progress);
        for (int i = 1; i < progress.size(); i++) {
            assertTrue(progress.get(i) > progress.get(i - 1), "progress only grows: " + progress);
        }
        assertEquals(1.0, progress.getLast());
        assertFalse(editor.media().image().uploadingProperty().get());
        assertNotNull(editor.media().image().fileProperty().get());
        assertNotEquals(before, editor.media().image().fileProperty().get(), "the new object, fetched");
        assertEquals(Files.size(png), Files.size(editor.media().image().fileProperty().get()));
        assertEquals("", editor.media().image().messageProperty().get());
    }

    @Test
    void aNarrationChosenInTheFileChooserIsUploadedAndATextSaveAfterItDoesNotConflict() {
        StoryEditorViewModel editor = opened();
        dialogs.choosingFile(MediaSamples.write(dir, "voice.wav", MediaSamples.wav(0.2, 440)));

        editor.media().choose(MediaKind.AUDIO);

        assertEquals(List.of("mp3", "wav"), dialogs.fileChoices.getFirst().extensions());
        assertTrue(editor.media().audio().presentProperty().get());
        assertNotNull(editor.media().audio().fileProperty().get());
        assertNotNull(catalog.scene(owlScenes.getFirst().sceneId()).orElseThrow().audioUrl());

        editor.textProperty().set("with a voice");
        delays.advance(PAUSE);
        assertTrue(dialogs.conflicts.isEmpty());
        assertEquals("with a voice", serverText(0));
    }

    @Test
    void anImageDroppedOnTheAudioZoneIsRefusedAndTwoFilesAreRefusedAtOnce() {
        StoryEditorViewModel editor = opened();
        Path png = MediaSamples.write(dir, "cover.png", MediaSamples.png(4, 4, 0, 0));

        editor.media().drop(MediaKind.AUDIO, List.of(png));
        assertEquals("cover.png is a PNG image, not audio: use MP3 or WAV", editor.media().audio().messageProperty().get());

        editor.media().drop(MediaKind.IMAGE, List.of(png, png));
        assertEquals("Drop one file at a time.", editor.media().image().messageProperty().get());
        assertTrue(media.attached.isEmpty());
    }

    @Test
    void removingTheImageAsksFirst() {
        StoryEditorViewModel editor = opened();

        dialogs.answering(false);
        editor.media().remove(MediaKind.IMAGE);
        assertNotNull(catalog.scene(owlScenes.getFirst().sceneId()).orElseThrow().imageUrl());

        dialogs.answering(true);
        editor.media().remove(MediaKind.IMAGE);
        assertEquals("Remove the image of scene 1? It waits in the trash; Ctrl+Z brings it back.",
                dialogs.questions.getLast().message());
        assertNull(catalog.scene(owlScenes.getFirst().sceneId()).orElseThrow().imageUrl());
        assertFalse(editor.media().image().presentProperty().get());
        assertNull(editor.scenes().getFirst().thumbnailProperty().get());
    }

    @Test
    void undoingARemovedImageBringsItBackAndRedoRemovesItAgain() {
        StoryEditorViewModel editor = opened();
        String image = catalog.scene(owlScenes.getFirst().sceneId()).orElseThrow().imageUrl();
        dialogs.answering(true);
        editor.media().remove(MediaKind.IMAGE);
        assertEquals("Undo Remove the image of scene 1 (Ctrl+Z)", undo.undoLabelProperty().get());

        undo.undo().join();

        assertEquals(image, catalog.scene(owlScenes.getFirst().sceneId()).orElseThrow().imageUrl());
        assertTrue(editor.media().image().presentProperty().get(), "the editor shows the image again");
        assertNotNull(editor.scenes().getFirst().thumbnailProperty().get());
        undo.redo().join();
        assertNull(catalog.scene(owlScenes.getFirst().sceneId()).orElseThrow().imageUrl());
        assertFalse(editor.media().image().presentProperty().get());
    }

    @Test
    void undoingAReplacedImagePutsTheOldOneBackUnlessSomeoneChangedItSince() throws Exception {
        StoryEditorViewModel editor = opened();
        UUID sceneId = owlScenes.getFirst().sceneId();
        String old = catalog.scene(sceneId).orElseThrow().imageUrl();
        editor.media().drop(MediaKind.IMAGE, List.of(MediaSamples.write(dir, "new.png", MediaSamples.png(8, 8, 0, 0))));
        String replacing = catalog.scene(sceneId).orElseThrow().imageUrl();
        assertEquals("Undo Replace the image of scene 1 (Ctrl+Z)", undo.undoLabelProperty().get());

        undo.undo().join();
        assertEquals(old, catalog.scene(sceneId).orElseThrow().imageUrl());
        undo.redo().join();
        assertEquals(replacing, catalog.scene(sceneId).orElseThrow().imageUrl());

        editor.media().drop(MediaKind.IMAGE, List.of(MediaSamples.write(dir, "colleague.png", MediaSamples.png(6, 6, 0, 0))));
        String theirs = catalog.scene(sceneId).orElseThrow().imageUrl();
        undo.undo().join(); // the second drop
        media.putBack(catalog.scene(sceneId).orElseThrow(), MediaKind.IMAGE, theirs).join(); // "someone else"
        undo.undo().join(); // the first drop: the scene no longer shows what it left

        assertEquals(theirs, catalog.scene(sceneId).orElseThrow().imageUrl(), "their image stays");
        assertEquals("Someone else changed that scene's media after you, so it was not undone. Their version stays.",
                undo.messageProperty().get());
        assertTrue(undo.canUndoProperty().get(), "the step is kept");
    }

    // -- header -----------------------------------------------------------------------------------------------

    @Test
    void theStatusIsSavedWhenPickedAndTheTitleWhenCommitted() {
        StoryEditorViewModel editor = opened();

        editor.statusProperty().set(StoryStatus.ERROR);
        editor.titleProperty().set("The Sleepy Owl");
        editor.commitHeader();

        Story stored = catalog.allStories().getFirst();
        assertEquals(StoryStatus.ERROR, stored.status());
        assertEquals("The Sleepy Owl", stored.title());
    }

    @Test
    void aTitleOrStatusSavedInTheHeaderUndoesAndTheHeaderFollows() {
        StoryEditorViewModel editor = opened();
        editor.titleProperty().set("The Sleepy Owl");
        editor.commitHeader();
        editor.statusProperty().set(StoryStatus.ERROR);
        assertEquals("Undo Set status of “The Sleepy Owl” to Error (Ctrl+Z)", undo.undoLabelProperty().get());

        undo.undo().join();
        assertEquals(StoryStatus.COMPLETED, catalog.allStories().getFirst().status());
        assertEquals(StoryStatus.COMPLETED, editor.statusProperty().get(), "the header follows");
        undo.undo().join();
        assertEquals("The Owl", catalog.allStories().getFirst().title());
        assertEquals("The Owl", editor.titleProperty().get());
        undo.redo().join();
        assertEquals("The Sleepy Owl", catalog.allStories().getFirst().title());
    }

    @Test
    void anEmptyTitleIsNotSavedAndThePreviousOneComesBack() {
        StoryEditorViewModel editor = opened();

        editor.titleProperty().set("  ");
        editor.commitHeader();

        assertEquals("The Owl", editor.titleProperty().get());
        assertEquals(List.of("A story needs a title; the previous one was kept."), dialogs.errors);
    }
}
