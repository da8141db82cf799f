package com.storymimi.studio.ui.trash;

import com.storymimi.studio.model.Scene;
import com.storymimi.studio.model.Story;
import com.storymimi.studio.model.StoryStatus;
import com.storymimi.studio.model.User;
import com.storymimi.studio.ui.common.UserMessages;
import com.storymimi.studio.ui.testing.InMemoryCatalog;
import com.storymimi.studio.ui.testing.InMemorySceneService;
import com.storymimi.studio.ui.testing.InMemoryStoryService;
import com.storymimi.studio.ui.testing.InMemoryTrashService;
import com.storymimi.studio.ui.testing.InMemoryUserService;
import com.storymimi.studio.ui.testing.RecordingDialogs;
import com.storymimi.studio.ui.testing.TestTexts;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The Trash section over the in-memory services (whose deletes fill the trash), with direct executors. */
class TrashViewModelTest {

    private final InMemoryUserService users = new InMemoryUserService(Duration.ZERO);
    private final InMemoryCatalog catalog = new InMemoryCatalog(users, Duration.ZERO);
    private final InMemoryStoryService stories = new InMemoryStoryService(catalog);
    private final InMemorySceneService scenes = new InMemorySceneService(catalog);
    private final RecordingDialogs dialogs = new RecordingDialogs();
    private final List<Integer> savedRetentions = new ArrayList<>();
    private int restoredCallbacks;
    private Story owl;
    private Scene river;

    @BeforeEach
    void seed() {
        User ana = users.insert("ana", "ana@example.com");
        owl = catalog.insertStory(ana.userId(), "The Owl", "", StoryStatus.COMPLETED);
        catalog.insertScene(owl.storyId(), "The forest", null, null);
        river = catalog.insertScene(owl.storyId(), "The river", null, null);
        catalog.insertScene(owl.storyId(), "The owl", null, null);
    }

    /** Opens the section "now" (the in-memory server clock starts 2025-03-01T09:00Z and ticks a second a write). */
    private TrashViewModel opened(Instant now, int retentionDays) {
        var texts = TestTexts.create();
        TrashViewModel viewModel = new TrashViewModel(new InMemoryTrashService(catalog), dialogs, new UserMessages(texts),
                texts, Runnable::run, Clock.fixed(now, ZoneOffset.UTC), retentionDays, savedRetentions::add);
        viewModel.setOnRestored(() -> restoredCallbacks++);
        viewModel.refresh();
        return viewModel;
    }

    private TrashViewModel openedToday() {
        return opened(Instant.parse("2025-03-01T10:00:00Z"), 30);
    }

    @Test
    void deletedScenesAndStoriesAreListedNewestFirstWithWhatWentAlong() {
        scenes.delete(river).join();
        stories.delete(owl.storyId()).join();

        TrashViewModel viewModel = openedToday();

        assertEquals(List.of("Story “The Owl” — Story of ana · 2 scenes", "Scene “The river” — Scene of “The Owl”"),
                viewModel.rows().stream().map(viewModel::describe).toList());
    }

    @Test
    void aReplacedImageAndARemovedNarrationSayWhatTheyAreAndWhere() {
        TrashViewModel viewModel = openedToday();
        Instant when = Instant.parse("2025-03-01T09:30:00Z");
        var image = new com.storymimi.studio.model.TrashItem(java.util.UUID.randomUUID(),
                com.storymimi.studio.model.TrashKind.IMAGE, river.sceneId(), "The river", owl.storyId(), "The Owl", 0, 0,
                null, "ana@example.com", when);
        var narration = new com.storymimi.studio.model.TrashItem(java.util.UUID.randomUUID(),
                com.storymimi.studio.model.TrashKind.AUDIO, river.sceneId(), "", owl.storyId(), "The Owl", 0, 0,
                null, "ana@example.com", when);

        assertEquals("Image of the scene “The river” — Image · scene of “The Owl”",
                viewModel.describe(image));
        assertEquals("(scene without text)", viewModel.name(narration));
        assertEquals("Narration · scene of “The Owl”", viewModel.details(narration));
    }

    @Test
    void restoringPutsTheStoryBackAndTellsTheOtherSections() {
        stories.delete(owl.storyId()).join();
        TrashViewModel viewModel = openedToday();
        viewModel.select(List.copyOf(viewModel.rows()));

        viewModel.restoreCommand().execute();

        assertEquals(List.of("The forest", "The river", "The owl"),
                scenes.list(owl.storyId()).join().stream().map(Scene::text).toList());
        assertEquals("Restored Story “The Owl” — Story of ana · 3 scenes.", viewModel.messageProperty().get());
        assertTrue(viewModel.rows().isEmpty());
        assertEquals(1, restoredCallbacks);
    }

    @Test
    void aSceneWhoseStoryIsInTheTrashNamesTheStoryToRestoreFirst() {
        scenes.delete(river).join();
        stories.delete(owl.storyId()).join();
        TrashViewModel viewModel = openedToday();
        viewModel.select(List.of(viewModel.rows().get(1)));

        viewModel.restoreCommand().execute();

        assertEquals("“The river” belongs to the story “The Owl”, which is not there any more. Restore the story first.",
                viewModel.errorProperty().get());
        assertEquals(2, viewModel.rows().size(), "nothing left the trash");
    }

    @Test
    void deletingForGoodAsksWithTheListAndOnlyThenDeletes() {
        scenes.delete(river).join();
        TrashViewModel viewModel = openedToday();
        viewModel.select(List.copyOf(viewModel.rows()));

        dialogs.answering(false);
        viewModel.deleteForeverCommand().execute();
        assertEquals(List.of("Scene “The river” — Scene of “The Owl”"), dialogs.plans.getLast().lines());
        assertEquals(1, viewModel.rows().size(), "answered no: nothing deleted");

        dialogs.answering(true);
        viewModel.deleteForeverCommand().execute();
        assertTrue(viewModel.rows().isEmpty());
        assertEquals("1 item deleted for good.", viewModel.messageProperty().get());
        assertFalse(viewModel.emptyCommand().isExecutable(), "nothing left to empty");
    }

    @Test
    void openingDeletesForGoodWhatIsOlderThanTheRetentionAndZeroKeepsEverything() {
        scenes.delete(river).join(); // deleted 2025-03-01T09:00:0xZ

        TrashViewModel forever = opened(Instant.parse("2025-06-01T00:00:00Z"), 0);
        assertEquals(1, forever.rows().size());

        TrashViewModel month = opened(Instant.parse("2025-06-01T00:00:00Z"), 30);
        assertTrue(month.rows().isEmpty(), "three months old: gone");

        month.retentionDaysProperty().set(90);
        assertEquals(List.of(90), savedRetentions);
    }
}
