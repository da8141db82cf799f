package com.storymimi.studio.ui.palette;

import com.storymimi.studio.model.Story;
import com.storymimi.studio.model.StoryRow;
import com.storymimi.studio.model.StoryStatus;
import com.storymimi.studio.model.User;
import com.storymimi.studio.service.ServiceException;
import com.storymimi.studio.ui.common.UserMessages;
import com.storymimi.studio.ui.palette.PaletteItem.Group;
import com.storymimi.studio.ui.testing.ManualDelays;
import com.storymimi.studio.ui.testing.TestTexts;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CommandPaletteViewModelTest {

    private static final Duration PAUSE = CommandPaletteViewModel.SEARCH_DELAY;

    /** Answers each term only when the test completes its futures, so the order of answers is the test's. */
    private static final class ControlledSearch implements PaletteSearch {
        final Map<String, CompletableFuture<List<StoryRow>>> stories = new LinkedHashMap<>();
        final Map<String, CompletableFuture<List<User>>> users = new LinkedHashMap<>();

        @Override
        public CompletableFuture<List<StoryRow>> stories(String term, int limit) {
            return stories.computeIfAbsent(term, t -> new CompletableFuture<>());
        }

        @Override
        public CompletableFuture<List<User>> users(String term, int limit) {
            return users.computeIfAbsent(term, t -> new CompletableFuture<>());
        }

        void answer(String term, List<StoryRow> foundStories, List<User> foundUsers) {
            stories(term, 0).complete(foundStories);
            users(term, 0).complete(foundUsers);
        }
    }

    private final ControlledSearch search = new ControlledSearch();
    private final ManualDelays delays = new ManualDelays();
    private final List<String> ran = new ArrayList<>();
    private final CommandPaletteViewModel palette = new CommandPaletteViewModel(search, TestTexts.create(),
            new UserMessages(TestTexts.create()), Runnable::run, delays);

    private final User ana = new User(UUID.randomUUID(), "ana", "ana@drachen.example", Instant.EPOCH);
    private final StoryRow dragon = row("The Little Dragon's First Flight", StoryStatus.COMPLETED, "bruno");
    private final StoryRow drachen = row("Drachenzeit", StoryStatus.PENDING, null);

    CommandPaletteViewModelTest() {
        palette.setActions(List.of(
                new PaletteAction("New story", "Ctrl+N", () -> ran.add("new story")),
                new PaletteAction("New user", "Ctrl+N", () -> ran.add("new user")),
                new PaletteAction("Go to Stories", "Ctrl+2", () -> ran.add("go stories")),
                new PaletteAction("Toggle dark theme", "Ctrl+Shift+L", () -> ran.add("theme"))));
        palette.setOnOpenStory(row -> ran.add("open " + row.story().title()));
        palette.setOnShowUser(user -> ran.add("user " + user.username()));
    }

    private static StoryRow row(String title, StoryStatus status, String username) {
        Story story = new Story(UUID.randomUUID(), null, title, "", status, Instant.EPOCH, Instant.EPOCH);
        return new StoryRow(story, username, 0);
    }

    private List<String> titles() {
        return palette.results().stream().map(PaletteItem::title).toList();
    }

    private List<Group> groups() {
        return palette.results().stream().map(PaletteItem::group).toList();
    }

    @Test
    void openingWithAnEmptyTermListsEveryActionWithItsShortcutAndAsksTheServerNothing() {
        palette.open();

        assertTrue(palette.openProperty().get());
        assertEquals(List.of("New story", "New user", "Go to Stories", "Toggle dark theme"), titles());
        assertEquals("Ctrl+Shift+L", palette.results().get(3).shortcut());
        assertEquals(0, palette.selectedIndexProperty().get());
        assertEquals(0, delays.waiting());
        assertTrue(search.stories.isEmpty());
    }

    @Test
    void actionsMatchEveryTypedWordInAnyCaseNamesStartingWithTheTermFirst() {
        palette.open();

        palette.termProperty().set("NEW");
        assertEquals(List.of("New story", "New user"), titles(), "matched at once, before the server answers");

        palette.termProperty().set("user new");
        assertEquals(List.of("New user"), titles());

        palette.termProperty().set("st");
        assertEquals(List.of("New story", "Go to Stories"), titles().subList(0, 2));
        palette.termProperty().set("go");
        assertEquals(List.of("Go to Stories"), titles());
    }

    @Test
    void typingIsDebouncedAndOnlyTheNewestTermsAnswerIsShown() {
        palette.open();
        palette.termProperty().set("dra");
        delays.advance(PAUSE); // "dra" is asked
        palette.termProperty().set("drache");
        delays.advance(PAUSE.minusMillis(1));
        assertFalse(search.stories.containsKey("drache"), "not asked before the pause ends");
        delays.advance(Duration.ofMillis(1));

        search.answer("drache", List.of(drachen), List.of(ana));
        search.answer("dra", List.of(dragon, drachen), List.of());

        assertEquals(List.of("Drachenzeit", "ana"), titles(), "the late answer for \"dra\" is dropped");
        assertEquals(List.of("dra", "drache"), List.copyOf(search.stories.keySet()));
        assertFalse(palette.searchingProperty().get());
    }

    @Test
    void resultsAreGroupedActionsThenStoriesThenUsersWithStatusAndUserAsDetail() {
        palette.open();
        palette.termProperty().set("new");
        delays.advance(PAUSE);

        search.answer("new", List.of(dragon, drachen), List.of(ana));

        assertEquals(List.of(Group.ACTIONS, Group.ACTIONS, Group.STORIES, Group.STORIES, Group.USERS), groups());
        assertEquals("Completed · bruno", palette.results().get(2).detail());
        assertEquals("Pending", palette.results().get(3).detail(), "a story without user shows its status only");
        assertEquals("ana@drachen.example", palette.results().get(4).detail());
        assertEquals("Actions", palette.groupTitle(Group.ACTIONS));
    }

    @Test
    void enterRunsTheSelectedItemAndClosesThePalette() {
        palette.open();
        palette.termProperty().set("drache");
        delays.advance(PAUSE);
        search.answer("drache", List.of(dragon, drachen), List.of(ana));

        palette.moveSelection(+1);
        palette.moveSelection(+5);
        assertEquals(2, palette.selectedIndexProperty().get(), "stops at the last row");
        palette.moveSelection(-1);
        palette.runSelected();

        assertEquals(List.of("open Drachenzeit"), ran);
        assertFalse(palette.openProperty().get());
    }

    @Test
    void storiesAndUsersRunEarlierAreListedUnderRecentOnTheNextOpen() {
        palette.open();
        palette.termProperty().set("a");
        delays.advance(PAUSE);
        search.answer("a", List.of(dragon), List.of(ana));
        palette.run(palette.results().stream().filter(i -> i.group() == Group.USERS).findFirst().orElseThrow());

        palette.open();

        assertEquals("", palette.termProperty().get());
        assertEquals(Group.RECENT, palette.results().getFirst().group());
        assertEquals("ana", palette.results().getFirst().title());
        palette.runSelected();
        assertEquals(List.of("user ana", "user ana"), ran);
    }

    @Test
    void escapeClosesAndAnAnswerArrivingAfterwardsChangesNothing() {
        palette.open();
        palette.termProperty().set("drache");
        delays.advance(PAUSE);

        palette.close();
        search.answer("drache", List.of(drachen), List.of(ana));

        assertFalse(palette.openProperty().get());
        assertTrue(titles().stream().noneMatch("Drachenzeit"::equals));
        assertTrue(ran.isEmpty());
    }

    @Test
    void aFailedSearchKeepsTheActionsAndSaysWhy() {
        palette.open();
        palette.termProperty().set("new");
        delays.advance(PAUSE);

        search.stories("new", 0).completeExceptionally(
                new ServiceException(ServiceException.Reason.UNAVAILABLE, "connection refused"));
        search.users("new", 0).complete(List.of());

        assertEquals(List.of("New story", "New user"), titles());
        assertEquals("The server could not be reached. Check the connection and try again.",
                palette.messageProperty().get());
    }

    @Test
    void aTermMatchingNothingSaysSo() {
        palette.open();
        palette.termProperty().set("zzz");
        delays.advance(PAUSE);
        search.answer("zzz", List.of(), List.of());

        assertTrue(palette.results().isEmpty());
        assertEquals(-1, palette.selectedIndexProperty().get());
        assertEquals("Nothing matches “zzz”.", palette.messageProperty().get());
        palette.runSelected();
        assertTrue(ran.isEmpty(), "Enter with nothing selected does nothing");
    }
}
