package com.storymimi.studio.ui.stories;

import com.storymimi.studio.model.PageRequest;
import com.storymimi.studio.model.Story;
import com.storymimi.studio.model.StoryQuery;
import com.storymimi.studio.model.StorySort;
import com.storymimi.studio.model.StoryStatus;
import com.storymimi.studio.model.User;
import com.storymimi.studio.ui.testing.ManualDelays;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class StoryQueryStateTest {

    private static final Duration PAUSE = Duration.ofMillis(300);

    private final ManualDelays delays = new ManualDelays();
    private int reloads;
    private final StoryQueryState state = new StoryQueryState(delays, PAUSE, 50, () -> reloads++);
    private final User ana = new User(UUID.randomUUID(), "ana", "ana@example.com", Instant.EPOCH);

    @Test
    void aChipClickedDuringTheTypingPauseTakesTheTypedSearchAlongAndAsksOnce() {
        state.searchProperty().set("owl");

        state.statusFilterProperty().set(StoryStatus.ERROR);
        delays.advance(PAUSE);

        assertEquals(1, reloads, "the pending search was dropped, not asked again");
        assertEquals(new StoryQuery("owl", StoryStatus.ERROR, null, StorySort.CREATED_NEWEST), state.query());
    }

    @Test
    void anEditStartsAgainAtTheFirstPage() {
        state.turnTo(PageRequest.first(50).next().next());

        state.sortProperty().set(StorySort.TITLE_A_TO_Z);

        assertEquals(PageRequest.first(50), state.page());
        assertEquals(StorySort.TITLE_A_TO_Z, state.query().sort());
        assertEquals(1, reloads);
    }

    @Test
    void clearingTheSearchAsksAtOnce() {
        state.searchProperty().set("owl");
        delays.advance(PAUSE);

        state.clearSearch();

        assertEquals(2, reloads);
        assertEquals("", state.query().search());
        assertEquals(0, delays.waiting(), "no second ask after the pause");
    }

    @Test
    void showingAUsersStoriesResetsSearchAndChipWithoutAskingPerProperty() {
        state.statusFilterProperty().set(StoryStatus.PENDING);
        state.searchProperty().set("owl");
        int before = reloads;

        state.showStoriesOf(ana);
        delays.advance(PAUSE);

        assertEquals(before, reloads, "the caller reloads once itself");
        assertEquals(new StoryQuery("", null, ana.userId(), StorySort.CREATED_NEWEST), state.query());
        assertEquals("", state.searchProperty().get());
        assertNull(state.statusFilterProperty().get());
        assertEquals(ana, state.userFilterProperty().get());
    }

    @Test
    void aNewStoryOfTheFilteredUserKeepsTheFilterAndSortsNewestFirst() {
        state.showStoriesOf(ana);
        state.sortProperty().set(StorySort.TITLE_A_TO_Z);
        int before = reloads;

        state.showNewStory(storyOf(ana.userId()));

        assertEquals(before, reloads);
        assertEquals(ana, state.userFilterProperty().get());
        assertEquals(new StoryQuery("", null, ana.userId(), StorySort.CREATED_NEWEST), state.query());
        assertEquals(StorySort.CREATED_NEWEST, state.sortProperty().get());
    }

    @Test
    void aNewStoryOfAnotherUserDropsTheUserFilterSoItIsShown() {
        state.showStoriesOf(ana);

        state.showNewStory(storyOf(UUID.randomUUID()));

        assertNull(state.userFilterProperty().get());
        assertNull(state.query().userId());
    }

    @Test
    void aCancelledSearchIsNeverAsked() {
        state.searchProperty().set("owl");

        state.cancelPendingSearch();
        delays.advance(PAUSE);

        assertEquals(0, reloads);
        assertEquals("", state.query().search());
    }

    private static Story storyOf(UUID userId) {
        return new Story(UUID.randomUUID(), userId, "The Owl", "", StoryStatus.PENDING, Instant.EPOCH, Instant.EPOCH);
    }
}
