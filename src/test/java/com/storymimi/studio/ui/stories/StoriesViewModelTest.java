package com.storymimi.studio.ui.stories;

import com.storymimi.studio.ui.testing.NoRevisions;
import com.storymimi.studio.ui.undo.EditRecorder;
import com.storymimi.studio.ui.undo.UndoHistory;
import com.storymimi.studio.ui.testing.InMemoryTrashService;
import com.storymimi.studio.model.MediaKind;
import com.storymimi.studio.model.Story;
import com.storymimi.studio.model.SceneDraft;
import com.storymimi.studio.model.StoryRow;
import com.storymimi.studio.model.StorySort;
import com.storymimi.studio.model.StoryStatus;
import com.storymimi.studio.model.User;
import com.storymimi.studio.ui.common.UserMessages;
import com.storymimi.studio.ui.editor.EditorContext;
import com.storymimi.studio.ui.editor.StoryEditorViewModel;
import com.storymimi.studio.ui.testing.InMemoryCatalog;
import com.storymimi.studio.ui.testing.InMemoryMediaService;
import com.storymimi.studio.ui.testing.InMemorySceneService;
import com.storymimi.studio.ui.testing.InMemoryStoryService;
import com.storymimi.studio.ui.testing.InMemoryUserService;
import com.storymimi.studio.ui.testing.ManualDelays;
import com.storymimi.studio.ui.testing.RecordingDialogs;
import com.storymimi.studio.ui.testing.RecordingDrafts;
import com.storymimi.studio.ui.testing.TestTexts;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class StoriesViewModelTest {

    @TempDir
    Path objects;

    private final InMemoryUserService users = new InMemoryUserService(Duration.ZERO);
    private final InMemoryCatalog catalog = new InMemoryCatalog(users, Duration.ZERO);
    final UndoHistory undo = new UndoHistory(Runnable::run, new UserMessages(TestTexts.create()), TestTexts.create());
    private final InMemoryStoryService stories = new InMemoryStoryService(catalog);
    private final RecordingDialogs dialogs = new RecordingDialogs();
    private final ManualDelays delays = new ManualDelays();
    private final User ana = users.insert("ana", "ana@example.com");
    private final User bruno = users.insert("bruno", "bruno@example.com");

    private StoriesViewModel viewModel() {
        var texts = TestTexts.create();
        var messages = new UserMessages(texts);
        EditorContext editing = new EditorContext(stories, new InMemorySceneService(catalog),
                new InMemoryMediaService(catalog, objects), new RecordingDrafts(), dialogs, messages, texts,
                Runnable::run, delays, Clock.fixed(Instant.parse("2025-03-01T12:04:00Z"), ZoneOffset.UTC),
                new EditRecorder(undo, new InMemoryTrashService(catalog), texts), new NoRevisions());
        return new StoriesViewModel(stories, users, dialogs, messages, texts, Runnable::run, delays,
                row -> new StoryEditorViewModel(row.story().storyId(), row.username(), editing),
                new EditRecorder(undo, new InMemoryTrashService(catalog), texts));
    }

    private void seed(int count, StoryStatus status, User user) {
        for (int i = 1; i <= count; i++) {
            catalog.insertStory(user.userId(), status.name().toLowerCase() + " story " + i, "a prompt", status);
        }
    }

    private StoriesViewModel started() {
        StoriesViewModel viewModel = viewModel();
        viewModel.start();
        return viewModel;
    }

    // -- search -----------------------------------------------------------------------------------------------

    @Test
    void searchWaitsForAPauseInTypingAndThenAsksOnce() {
        catalog.insertStory(ana.userId(), "The Owl", "", StoryStatus.COMPLETED);
        catalog.insertStory(ana.userId(), "The Fox", "", StoryStatus.COMPLETED);
        StoriesViewModel viewModel = started();
        int before = stories.listed.size();

        viewModel.searchProperty().set("o");
        delays.advance(Duration.ofMillis(100));
        viewModel.searchProperty().set("ow");
        delays.advance(Duration.ofMillis(100));
        viewModel.searchProperty().set("owl");
        delays.advance(Duration.ofMillis(299));

        assertEquals(before, stories.listed.size(), "nothing is asked while typing goes on");
        delays.advance(Duration.ofMillis(1));
        assertEquals(before + 1, stories.listed.size());
        assertEquals("owl", stories.listed.getLast().search());
        assertEquals(List.of("The Owl"), titles(viewModel));
    }

    @Test
    void aSlowAnswerToAnOlderSearchIsNeverShownOverTheNewerOne() {
        catalog.insertStory(ana.userId(), "The Owl", "", StoryStatus.COMPLETED);
        catalog.insertStory(ana.userId(), "The Otter", "", StoryStatus.COMPLETED);
        stories.holdLists();
        StoriesViewModel viewModel = started();
        answer(stories.held.getFirst());

        viewModel.searchProperty().set("ot");
        delays.advance(StoriesViewModel.SEARCH_DELAY);
        viewModel.searchProperty().set("owl");
        delays.advance(StoriesViewModel.SEARCH_DELAY);
        InMemoryStoryService.HeldList older = stories.held.get(1);
        InMemoryStoryService.HeldList newer = stories.held.get(2);
        answer(newer);
        older.answer().complete(stories.computeList(older.query(), older.page())); // arrives last

        assertEquals(List.of("The Owl"), titles(viewModel));
        assertEquals("1–1 of 1", viewModel.pageTextProperty().get());
    }

    @Test
    void aSearchWithoutMatchesSaysWhatToDo() {
        seed(3, StoryStatus.COMPLETED, ana);
        StoriesViewModel viewModel = started();

        viewModel.searchProperty().set("owl");
        delays.advance(StoriesViewModel.SEARCH_DELAY);

        assertTrue(viewModel.rows().isEmpty());
        assertEquals("No stories match 'owl'. Clear the search or create a story.",
                viewModel.placeholderProperty().get());
    }

    @Test
    void searchTermsAreTakenLiterally() {
        catalog.insertStory(ana.userId(), "100% Owl", "", StoryStatus.COMPLETED);
        catalog.insertStory(ana.userId(), "1000 Owls", "", StoryStatus.COMPLETED);
        StoriesViewModel viewModel = started();

        viewModel.searchProperty().set("100%");
        delays.advance(StoriesViewModel.SEARCH_DELAY);

        assertEquals(List.of("100% Owl"), titles(viewModel));
    }

    // -- chips, counts, sort, paging -------------------------------------------------------------------------

    @Test
    void chipsShowTheCountsAndAChipFiltersTheTable() {
        seed(4, StoryStatus.PENDING, ana);
        seed(3, StoryStatus.GENERATING, ana);
        seed(20, StoryStatus.COMPLETED, bruno);
        seed(3, StoryStatus.ERROR, bruno);
        StoriesViewModel viewModel = started();

        assertEquals("All 30", viewModel.chips().allProperty().get());
        assertEquals("Pending 4", viewModel.chips().textProperty(StoryStatus.PENDING).get());
        assertEquals("Generating 3", viewModel.chips().textProperty(StoryStatus.GENERATING).get());
        assertEquals("Completed 20", viewModel.chips().textProperty(StoryStatus.COMPLETED).get());
        assertEquals("Error 3", viewModel.chips().textProperty(StoryStatus.ERROR).get());

        viewModel.statusFilterProperty().set(StoryStatus.ERROR);

        assertEquals(3, viewModel.rows().size());
        assertTrue(viewModel.rows().stream().allMatch(r -> r.story().status() == StoryStatus.ERROR));
        assertEquals("1–3 of 3", viewModel.pageTextProperty().get());
    }

    @Test
    void countsFollowAStatusChange() {
        seed(2, StoryStatus.PENDING, ana);
        StoriesViewModel viewModel = started();

        viewModel.changeStatus(viewModel.rows().getFirst(), StoryStatus.ERROR);

        assertEquals("Pending 1", viewModel.chips().textProperty(StoryStatus.PENDING).get());
        assertEquals("Error 1", viewModel.chips().textProperty(StoryStatus.ERROR).get());
        assertEquals(1, viewModel.rows().stream().filter(r -> r.story().status() == StoryStatus.ERROR).count());
    }

    @Test
    void aStatusChangeOverANewerVersionIsRefusedAndTheListReloaded() {
        Story story = catalog.insertStory(ana.userId(), "The Owl", "", StoryStatus.PENDING);
        StoriesViewModel viewModel = started();
        StoryRow loaded = viewModel.rows().getFirst();
        stories.updateStatus(story, StoryStatus.GENERATING).join(); // someone else, meanwhile

        viewModel.changeStatus(loaded, StoryStatus.ERROR);

        assertEquals(List.of("Someone else changed that story meanwhile. The list was refreshed; try again."),
                dialogs.errors);
        assertEquals(StoryStatus.GENERATING, viewModel.rows().getFirst().story().status());
    }

    @Test
    void fiftyPerPageWithPreviousAndNext() {
        seed(120, StoryStatus.COMPLETED, ana);
        StoriesViewModel viewModel = started();

        assertEquals(50, viewModel.rows().size());
        assertEquals("1–50 of 120", viewModel.pageTextProperty().get());
        assertFalse(viewModel.previousPageCommand().isExecutable());

        viewModel.nextPageCommand().execute();
        viewModel.nextPageCommand().execute();

        assertEquals("101–120 of 120", viewModel.pageTextProperty().get());
        assertEquals(20, viewModel.rows().size());
        assertFalse(viewModel.nextPageCommand().isExecutable());
        viewModel.previousPageCommand().execute();
        assertEquals("51–100 of 120", viewModel.pageTextProperty().get());
    }

    @Test
    void aThousandsTotalIsGrouped() {
        seed(1204, StoryStatus.COMPLETED, ana);
        StoriesViewModel viewModel = started();

        assertEquals("1–50 of 1,204", viewModel.pageTextProperty().get());
        assertEquals("All 1,204", viewModel.chips().allProperty().get());
    }

    @Test
    void sortingByTitleReordersFromTheFirstPage() {
        catalog.insertStory(ana.userId(), "Banana", "", StoryStatus.COMPLETED);
        catalog.insertStory(ana.userId(), "apple", "", StoryStatus.COMPLETED);
        catalog.insertStory(ana.userId(), "Cherry", "", StoryStatus.COMPLETED);
        StoriesViewModel viewModel = started();
        assertEquals(List.of("Cherry", "apple", "Banana"), titles(viewModel), "newest first by default");

        viewModel.sortProperty().set(StorySort.TITLE_A_TO_Z);

        assertEquals(List.of("apple", "Banana", "Cherry"), titles(viewModel));
    }

    @Test
    void showStoriesOfAUserFiltersToThemAndClearingShowsAllAgain() {
        seed(2, StoryStatus.COMPLETED, ana);
        seed(3, StoryStatus.COMPLETED, bruno);
        StoriesViewModel viewModel = started();

        viewModel.showStoriesOf(bruno);

        assertEquals(3, viewModel.rows().size());
        assertTrue(viewModel.rows().stream().allMatch(r -> "bruno".equals(r.username())));
        assertEquals(bruno, viewModel.userFilterProperty().get());

        viewModel.clearUserFilter();
        assertEquals(5, viewModel.rows().size());
    }

    // -- create, open, delete ----------------------------------------------------------------------------------

    @Test
    void aNewStoryForAChosenUserAppearsSelectedAtTheTop() {
        seed(3, StoryStatus.COMPLETED, ana);
        StoriesViewModel viewModel = started();

        viewModel.openNewStoryForm();
        NewStoryForm form = viewModel.newStoryForm();
        assertEquals(List.of("bruno", "ana"), form.users().stream().map(User::username).toList());
        form.titleProperty().set("The Owl Who Could Not Sleep");
        form.promptProperty().set("an owl, insomnia, friendship");
        form.userProperty().set(bruno);
        viewModel.createOrExplain();

        assertFalse(form.openProperty().get());
        StoryRow first = viewModel.rows().getFirst();
        assertEquals("The Owl Who Could Not Sleep", first.story().title());
        assertEquals("bruno", first.username());
        assertEquals(StoryStatus.PENDING, first.story().status());
        assertEquals(first, viewModel.selectedProperty().get());
        assertEquals("Pending 1", viewModel.chips().textProperty(StoryStatus.PENDING).get());
    }

    @Test
    void undoingANewStoryMovesItToTheTrash() {
        StoriesViewModel viewModel = started();
        viewModel.openNewStoryForm();
        viewModel.newStoryForm().titleProperty().set("Second Thoughts");
        viewModel.createOrExplain();
        assertEquals(1, catalog.allStories().size());

        undo.undo().join();

        assertTrue(catalog.allStories().isEmpty());
        assertTrue(viewModel.rows().isEmpty());
        assertEquals("Undone: Create story “Second Thoughts”.", undo.messageProperty().get());
    }

    @Test
    void aNewStoryWithFirstScenesIsCreatedWithThemInOrder() {
        StoriesViewModel viewModel = started();
        viewModel.openNewStoryForm();
        NewStoryForm form = viewModel.newStoryForm();
        form.titleProperty().set("The Owl Who Could Not Sleep");
        form.firstScenesProperty().set("The owl wakes at noon.\n\n  \nShe asks the moon for advice.\n");

        viewModel.createOrExplain();

        StoryRow created = viewModel.rows().getFirst();
        assertEquals("The Owl Who Could Not Sleep", created.story().title());
        assertEquals(2, created.sceneCount());
        assertEquals(List.of("1: The owl wakes at noon.", "2: She asks the moon for advice."),
                new InMemorySceneService(catalog).list(created.story().storyId()).join().stream()
                        .map(scene -> scene.sequence() + ": " + scene.text()).toList());
    }

    @Test
    void createPressedAgainAfterALostAnswerMakesOneStoryNotTwo() {
        StoriesViewModel viewModel = started();
        viewModel.openNewStoryForm();
        NewStoryForm form = viewModel.newStoryForm();
        form.titleProperty().set("The Owl Who Could Not Sleep");
        form.firstScenesProperty().set("The owl wakes at noon.\n\nShe asks the moon for advice.");
        stories.loseNextCreateAnswer();

        viewModel.createOrExplain();
        assertTrue(form.openProperty().get(), "the form stays open with the error");
        assertFalse(form.errorProperty().get().isEmpty());
        viewModel.createOrExplain();

        assertFalse(form.openProperty().get());
        assertEquals(1, catalog.allStories().stream().filter(s -> s.title().equals("The Owl Who Could Not Sleep")).count(),
                "the second press found the story the first one stored");
        assertEquals(2, viewModel.rows().getFirst().sceneCount());
    }

    @Test
    void firstScenesAreParagraphsNumberedInTheOrderTyped() {
        NewStoryForm form = new NewStoryForm(TestTexts.create());

        form.firstScenesProperty().set("\r\nOne\r\nstill one\r\n\r\nTwo\n \n\nThree  ");

        assertEquals(List.of(new SceneDraft(1, "One\nstill one"), new SceneDraft(2, "Two"), new SceneDraft(3, "Three")),
                form.sceneDrafts());
        form.firstScenesProperty().set("   ");
        assertTrue(form.sceneDrafts().isEmpty(), "blank means a story without scenes");
    }

    @Test
    void createWithoutATitleExplainsInsteadOfAsking() {
        StoriesViewModel viewModel = started();
        viewModel.openNewStoryForm();

        viewModel.createOrExplain();

        assertEquals("Enter a title.", viewModel.newStoryForm().titleProblemProperty().get());
        assertTrue(catalog.allStories().isEmpty());
    }

    @Test
    void openingAStoryShowsItsEditorAndBackReturnsToTheList() {
        seed(2, StoryStatus.COMPLETED, ana);
        StoriesViewModel viewModel = started();
        StoryRow row = viewModel.rows().get(1);

        viewModel.open(row);

        StoryEditorViewModel editor = viewModel.editorProperty().get();
        assertNotNull(editor);
        assertEquals(row.story().title(), editor.titleProperty().get());
        assertEquals("ana", editor.usernameProperty().get());

        editor.back();

        assertNull(viewModel.editorProperty().get());
        assertEquals(row.story().storyId(), viewModel.selectedProperty().get().story().storyId());
    }

    @Test
    void aStoryKnownOnlyByItsIdOpensWithItsUserOrSaysItIsGone() {
        Story oldest = catalog.insertStory(ana.userId(), "the oldest", "a prompt", StoryStatus.COMPLETED);
        seed(60, StoryStatus.COMPLETED, ana);
        StoriesViewModel viewModel = started();
        assertFalse(viewModel.rows().stream().anyMatch(row -> row.story().equals(oldest)), "not on the first page");

        viewModel.open(oldest.storyId());

        StoryEditorViewModel editor = viewModel.editorProperty().get();
        assertNotNull(editor);
        assertEquals(oldest.storyId(), editor.storyId());
        assertEquals("ana", editor.usernameProperty().get());
        assertTrue(dialogs.errors.isEmpty());

        viewModel.open(java.util.UUID.randomUUID());

        assertEquals(1, dialogs.errors.size(), "a story deleted since the scan is said to be gone, once");
        assertEquals(oldest.storyId(), viewModel.editorProperty().get().storyId(), "the open editor stays");
    }

    @Test
    void deleteNamesWhatGoesAndDeletesOnlyWhenConfirmed() {
        Story owl = catalog.insertStory(ana.userId(), "The Owl", "", StoryStatus.COMPLETED);
        InMemoryMediaService media = new InMemoryMediaService(catalog, objects);
        for (int i = 1; i <= 12; i++) {
            var scene = catalog.insertScene(owl.storyId(), "scene " + i, null, null);
            String image = media.store(MediaKind.IMAGE, scene, "png", new byte[] {1});
            String audio = i <= 11 ? media.store(MediaKind.AUDIO, scene, "wav", new byte[] {1}) : null;
            catalog.setMedia(scene.sceneId(), image, audio);
        }
        StoriesViewModel viewModel = started();
        viewModel.select(viewModel.rows().getFirst());

        dialogs.answering(false);
        viewModel.deleteCommand().execute();
        assertEquals("Move story 'The Owl' with 12 scenes, 12 images and 11 narrations to the trash? Restore it from the Trash, or undo with Ctrl+Z.",
                dialogs.questions.getLast().message());
        assertEquals(1, catalog.allStories().size(), "cancelled: nothing deleted");

        dialogs.answering(true);
        viewModel.deleteCommand().execute();
        assertTrue(catalog.allStories().isEmpty());
        assertTrue(viewModel.rows().isEmpty());
        assertEquals("No stories yet. Create the first one with New story.", viewModel.placeholderProperty().get());
        assertEquals("All 0", viewModel.chips().allProperty().get());
    }

    @Test
    void undoBringsADeletedStoryBackIntoTheListWithItsScenes() {
        Story owl = catalog.insertStory(ana.userId(), "The Owl", "", StoryStatus.COMPLETED);
        catalog.insertScene(owl.storyId(), "one", null, null);
        catalog.insertScene(owl.storyId(), "two", null, null);
        StoriesViewModel viewModel = started();
        viewModel.select(viewModel.rows().getFirst());
        dialogs.answering(true);
        viewModel.deleteCommand().execute();
        assertTrue(viewModel.rows().isEmpty());

        undo.undo().join();

        assertEquals(List.of("The Owl"), titles(viewModel));
        assertEquals(List.of("one", "two"), new InMemorySceneService(catalog).list(owl.storyId()).join().stream()
                .map(com.storymimi.studio.model.Scene::text).toList());
        assertEquals("Undone: Delete story “The Owl”.", undo.messageProperty().get());
    }

    @Test
    void undoingAStatusChangeSetsTheOldStatusUnlessSomeoneChangedItSince() {
        catalog.insertStory(ana.userId(), "The Owl", "", StoryStatus.PENDING);
        StoriesViewModel viewModel = started();
        viewModel.changeStatus(viewModel.rows().getFirst(), StoryStatus.COMPLETED);
        assertEquals("Undo Set status of “The Owl” to Completed (Ctrl+Z)", undo.undoLabelProperty().get());

        undo.undo().join();
        assertEquals(StoryStatus.PENDING, catalog.allStories().getFirst().status());
        assertEquals(StoryStatus.PENDING, viewModel.rows().getFirst().story().status(), "the list follows");
        undo.redo().join();
        assertEquals(StoryStatus.COMPLETED, catalog.allStories().getFirst().status());

        viewModel.changeStatus(viewModel.rows().getFirst(), StoryStatus.ERROR);
        Story now = catalog.allStories().getFirst();
        stories.updateStatus(now, StoryStatus.GENERATING).join(); // the generator picks it up meanwhile
        undo.undo().join();
        assertEquals(StoryStatus.GENERATING, catalog.allStories().getFirst().status(), "not overwritten");
        assertEquals("Someone else changed it after you, so it was not undone. Their version stays; make the change by hand.",
                undo.messageProperty().get());
    }

    @Test
    void aBulkStatusChangeShowsWhatChangesFirstAndAppliesToAllAndUndoesPerStory() {
        catalog.insertStory(ana.userId(), "The Owl", "", StoryStatus.PENDING);
        catalog.insertStory(ana.userId(), "The Fox", "", StoryStatus.ERROR);
        catalog.insertStory(ana.userId(), "The Bear", "", StoryStatus.COMPLETED);
        StoriesViewModel viewModel = started();
        viewModel.selectMany(List.copyOf(viewModel.rows()));

        dialogs.answering(false);
        viewModel.changeStatusOfSelection(StoryStatus.COMPLETED);
        RecordingDialogs.Plan plan = dialogs.plans.getLast();
        assertEquals("Change the status of 2 stories", plan.title());
        assertEquals(java.util.Set.of("“The Owl”: Pending → Completed", "“The Fox”: Error → Completed"),
                java.util.Set.copyOf(plan.lines()), "the one that is Completed already is left out");
        assertEquals(StoryStatus.PENDING, status("The Owl"), "answered no: nothing changed");

        dialogs.answering(true);
        viewModel.changeStatusOfSelection(StoryStatus.COMPLETED);
        assertEquals(List.of(StoryStatus.COMPLETED, StoryStatus.COMPLETED),
                List.of(status("The Owl"), status("The Fox")));

        undo.undo().join();
        assertEquals(List.of(StoryStatus.PENDING, StoryStatus.ERROR), List.of(status("The Owl"), status("The Fox")));
    }

    @Test
    void aBulkStatusChangeOverAStoryChangedMeanwhileChangesNone() {
        catalog.insertStory(ana.userId(), "The Owl", "", StoryStatus.PENDING);
        Story fox = catalog.insertStory(ana.userId(), "The Fox", "", StoryStatus.PENDING);
        StoriesViewModel viewModel = started();
        viewModel.selectMany(List.copyOf(viewModel.rows()));
        stories.updateStatus(fox, StoryStatus.GENERATING).join(); // the generator picks it up meanwhile
        dialogs.answering(true);

        viewModel.changeStatusOfSelection(StoryStatus.ERROR);

        assertEquals(List.of(StoryStatus.PENDING, StoryStatus.GENERATING), List.of(status("The Owl"), status("The Fox")));
        assertEquals("Someone else changed that story meanwhile. The list was refreshed; try again.",
                dialogs.errors.getLast());
    }

    @Test
    void aBulkDeleteMovesAllToTheTrashAfterASummaryAndUndoBringsThemBack() {
        Story owl = catalog.insertStory(ana.userId(), "The Owl", "", StoryStatus.PENDING);
        catalog.insertScene(owl.storyId(), "one", null, null);
        catalog.insertStory(ana.userId(), "The Fox", "", StoryStatus.PENDING);
        StoriesViewModel viewModel = started();
        viewModel.selectMany(List.copyOf(viewModel.rows()));
        dialogs.answering(true);

        viewModel.deleteSelection();

        assertEquals(java.util.Set.of("“The Owl” with 1 scene", "“The Fox” with no scenes"),
                java.util.Set.copyOf(dialogs.plans.getLast().lines()));
        assertTrue(viewModel.rows().isEmpty());
        undo.undo().join();
        assertEquals(2, viewModel.rows().size());
        assertEquals("Undone: Delete 2 stories.", undo.messageProperty().get());
    }

    private StoryStatus status(String title) {
        return catalog.allStories().stream().filter(s -> s.title().equals(title)).findFirst().orElseThrow().status();
    }

    @Test
    void aStoryWithOneSceneAndNoMediaIsNamedInTheSingular() {
        Story fox = catalog.insertStory(ana.userId(), "The Fox", "", StoryStatus.PENDING);
        catalog.insertScene(fox.storyId(), "once", null, null);
        StoriesViewModel viewModel = started();
        viewModel.select(viewModel.rows().getFirst());

        viewModel.deleteCommand().execute();

        assertEquals("Move story 'The Fox' with 1 scene, no images and no narrations to the trash? Restore it from the Trash, or undo with Ctrl+Z.",
                dialogs.questions.getLast().message());
    }

    private void answer(InMemoryStoryService.HeldList call) {
        call.answer().complete(stories.computeList(call.query(), call.page()));
    }

    private static List<String> titles(StoriesViewModel viewModel) {
        return viewModel.rows().stream().map(r -> r.story().title()).toList();
    }
}
