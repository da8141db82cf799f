package com.storymimi.studio.ui.player;

import com.storymimi.studio.model.MediaKind;
import com.storymimi.studio.model.Scene;
import com.storymimi.studio.model.Story;
import com.storymimi.studio.model.StoryDetail;
import com.storymimi.studio.model.StoryStatus;
import com.storymimi.studio.service.MediaService;
import com.storymimi.studio.service.ServiceException;
import com.storymimi.studio.service.StoryService;
import com.storymimi.studio.ui.common.UserMessages;
import com.storymimi.studio.ui.testing.ManualDelays;
import com.storymimi.studio.ui.testing.ManualClock;
import com.storymimi.studio.ui.testing.TestTexts;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doReturn;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

class StoryboardViewModelTest {

    private static final UUID STORY = UUID.randomUUID();
    private static final String IMAGE = "http://x/storage/v1/object/public/scene-images/s/1.png";
    private static final String AUDIO = "http://x/storage/v1/object/public/scene-audio/s/1.mp3";

    private final StoryService stories = mock(StoryService.class);
    private final MediaService media = mock(MediaService.class);
    private final ManualDelays delays = new ManualDelays();
    private final ManualClock clock = new ManualClock(Instant.parse("2026-12-07T12:00:00Z"));
    private final List<String> copies = new ArrayList<>();
    private final StoryboardContext context = new StoryboardContext(stories, media,
            new UserMessages(TestTexts.create()), TestTexts.create(), Runnable::run, delays, clock);

    private static Scene scene(int sequence, String text, String image, String audio) {
        Instant at = Instant.parse("2026-12-01T10:00:00Z");
        return new Scene(UUID.randomUUID(), STORY, sequence, text, image, audio, at, at);
    }

    private StoryboardViewModel play(Scene... scenes) {
        when(media.localCopy(any(), any())).thenAnswer(call -> {
            Scene scene = call.getArgument(0);
            MediaKind kind = call.getArgument(1);
            copies.add(scene.sequence() + ":" + kind);
            return CompletableFuture.completedFuture(Path.of("/cache/" + scene.sequence() + "." + kind));
        });
        return playWithMediaStubbed(scenes);
    }

    private StoryboardViewModel playWithMediaStubbed(Scene... scenes) {
        Instant at = Instant.parse("2026-12-01T10:00:00Z");
        Story story = new Story(STORY, null, "The owl", "an owl", StoryStatus.COMPLETED, at, at);
        when(stories.detail(STORY)).thenReturn(CompletableFuture.completedFuture(
                Optional.of(new StoryDetail(story, List.of(scenes)))));
        return context.play(STORY);
    }

    /** Time passes for the scheduler and the clock alike. */
    private void pass(Duration time) {
        clock.advance(time);
        delays.advance(time);
    }

    @Test
    void scenesPlayInOrderEachForItsNarrationOrItsReadingTime() {
        StoryboardViewModel player = play(scene(1, "Once upon a time", IMAGE, AUDIO),
                scene(2, "The owl woke up", IMAGE, null), scene(3, "The end", IMAGE, AUDIO));

        assertEquals("The owl", player.titleProperty().get());
        assertTrue(player.playingProperty().get());
        assertEquals(1, player.currentProperty().get().sequence());
        assertEquals("Scene 1 of 3", player.positionProperty().get());
        pass(Duration.ofMinutes(1));
        assertEquals(0, player.indexProperty().get(), "a narrated scene waits for its narration");

        player.narrationEnded(0);
        assertEquals(0, player.indexProperty().get(), "the page turns a beat after the narration");
        pass(StoryboardViewModel.AFTER_NARRATION);
        assertEquals(1, player.indexProperty().get());
        Duration reading = StoryboardViewModel.readingTime("The owl woke up");
        pass(reading.minusMillis(1));
        assertEquals(1, player.indexProperty().get());
        pass(Duration.ofMillis(1));
        assertEquals(2, player.indexProperty().get());

        player.narrationEnded(1); // a late report of a scene no longer shown changes nothing
        assertEquals(2, player.indexProperty().get());
        pass(Duration.ofMillis(100));
        player.narrationEnded(2); // at once: a narration shorter than a look at the picture
        pass(StoryboardViewModel.SHORTEST_READING.minusMillis(101));
        assertEquals(2, player.indexProperty().get(), "a scene stays at least the shortest reading time");
        pass(Duration.ofMillis(1));
        assertTrue(player.finishedProperty().get());
        assertFalse(player.playingProperty().get());

        player.togglePause(); // Space at the end plays it again
        assertEquals(0, player.indexProperty().get());
        assertTrue(player.playingProperty().get());
        assertFalse(player.finishedProperty().get());
    }

    @Test
    void pauseKeepsWhatIsLeftOfTheReadingTime() {
        StoryboardViewModel player = play(scene(1, "one two three four five six seven eight nine ten", IMAGE, null),
                scene(2, "next", IMAGE, null));
        Duration reading = StoryboardViewModel.readingTime("one two three four five six seven eight nine ten");
        assertEquals(Duration.ofMillis(5500), reading);

        pass(Duration.ofSeconds(2));
        player.togglePause();
        assertFalse(player.playingProperty().get());
        pass(Duration.ofMinutes(5));
        assertEquals(0, player.indexProperty().get(), "paused: it stays");

        player.togglePause();
        pass(reading.minusSeconds(2).minusMillis(1));
        assertEquals(0, player.indexProperty().get());
        pass(Duration.ofMillis(1));
        assertEquals(1, player.indexProperty().get());
    }

    @Test
    void stepsAndJumpsWorkPausedOrPlayingAndPausedStaysPaused() {
        StoryboardViewModel player = play(scene(1, "a", IMAGE, AUDIO), scene(2, "b", IMAGE, AUDIO),
                scene(3, "c", IMAGE, AUDIO), scene(4, "d", IMAGE, AUDIO));
        player.togglePause();
        player.next();
        player.next();
        assertEquals(2, player.indexProperty().get());
        player.previous();
        assertEquals(1, player.indexProperty().get());
        player.narrationEnded(1);
        assertEquals(1, player.indexProperty().get(), "paused: the end of a narration does not advance");
        player.last();
        assertEquals(3, player.indexProperty().get());
        player.first();
        player.previous();
        assertEquals(0, player.indexProperty().get());
        player.jumpTo(3);
        player.jumpTo(9);
        assertEquals(3, player.indexProperty().get());
        assertFalse(player.playingProperty().get());

        int take = player.takeProperty().get();
        player.jumpTo(3);
        assertEquals(take + 1, player.takeProperty().get(), "showing the same scene again restarts it");
    }

    @Test
    void whatIsMissingIsNamedOnceWhenItsSceneIsShown() {
        StoryboardViewModel player = play(scene(1, "a", IMAGE, AUDIO), scene(2, "b", null, AUDIO),
                scene(4, "c", IMAGE, null));
        assertTrue(player.notices().isEmpty());

        player.next();
        assertEquals(List.of("Scene 2 has no image."), player.notices());
        player.next();
        assertEquals(List.of("Scene 4 follows scene 2: the scenes between are missing.",
                "Scene 4 has no narration: it stays for its reading time."), player.notices());
        player.previous();
        player.next();
        assertTrue(player.notices().isEmpty(), "named once");
    }

    @Test
    void aBrokenNarrationIsNamedAndTheSceneGetsItsReadingTime() {
        Scene broken = scene(1, "a", IMAGE, AUDIO);
        StoryboardViewModel player = play(broken, scene(2, "b", IMAGE, AUDIO));
        player.narrationFailed(0, new IllegalStateException("MEDIA_UNSUPPORTED"));
        assertEquals(List.of("The narration of scene 1 cannot be played: it stays for its reading time."),
                player.notices());
        pass(StoryboardViewModel.SHORTEST_READING);
        assertEquals(1, player.indexProperty().get());
    }

    @Test
    void aMissingObjectIsNamedWhenItsSceneIsReachedAndPlaybackGoesOn() {
        Scene first = scene(1, "a", IMAGE, AUDIO);
        Scene second = scene(2, "b", IMAGE, AUDIO);
        doReturn(CompletableFuture.failedFuture(new ServiceException(ServiceException.Reason.NOT_FOUND, "no object")))
                .when(media).localCopy(second, MediaKind.AUDIO);
        StoryboardViewModel player = playWithMediaStubbed(first, second);
        assertTrue(player.notices().isEmpty(), "scene 2's problem waits until scene 2 is shown");
        pass(Duration.ofMinutes(1));
        player.narrationEnded(0);
        pass(StoryboardViewModel.AFTER_NARRATION);
        assertEquals(1, player.indexProperty().get());
        assertEquals(List.of("The narration of scene 2 cannot be played: it stays for its reading time."),
                player.notices());
        assertTrue(player.audio(1).join().isEmpty());
        pass(StoryboardViewModel.SHORTEST_READING);
        assertTrue(player.finishedProperty().get());
    }

    @Test
    void theSceneShownAndTheNextAreFetchedAheadNotTheRest() {
        StoryboardViewModel player = play(scene(1, "a", IMAGE, AUDIO), scene(2, "b", IMAGE, AUDIO),
                scene(3, "c", IMAGE, AUDIO), scene(4, "d", IMAGE, AUDIO));
        assertEquals(java.util.Set.of("1:IMAGE", "1:AUDIO", "2:IMAGE", "2:AUDIO"), java.util.Set.copyOf(copies));
        player.jumpTo(3);
        assertTrue(copies.containsAll(List.of("4:IMAGE", "4:AUDIO")), copies.toString());
        assertFalse(copies.contains("3:IMAGE"), "scene 3 is behind the one shown: " + copies);
        player.jumpTo(0);
        assertEquals(6, copies.size(), "each copy is asked for once: " + copies);
    }

    @Test
    void aStoryGoneOrWithoutScenesSaysSoAndPlaysNothing() {
        when(stories.detail(STORY)).thenReturn(CompletableFuture.completedFuture(Optional.empty()));
        StoryboardViewModel gone = context.play(STORY);
        assertEquals("This story is no longer there.", gone.loadErrorProperty().get());
        assertFalse(gone.loadingProperty().get());
        gone.togglePause();
        gone.next();
        assertNull(gone.currentProperty().get());

        StoryboardViewModel empty = play();
        assertEquals("This story has no scenes to play yet.", empty.loadErrorProperty().get());
        verify(media, never()).localCopy(any(), any());
    }

    @Test
    void closingStopsTheReadingTimer() {
        StoryboardViewModel player = play(scene(1, "a", IMAGE, null), scene(2, "b", IMAGE, null));
        assertEquals(1, delays.waiting());
        player.close();
        assertEquals(0, delays.waiting());
        assertTrue(player.closedProperty().get());
        pass(Duration.ofMinutes(1));
        assertEquals(0, player.indexProperty().get());
    }

    @Test
    void readingTimeGrowsWithTheTextWithinItsBounds() {
        assertEquals(StoryboardViewModel.SHORTEST_READING, StoryboardViewModel.readingTime(""));
        assertEquals(StoryboardViewModel.SHORTEST_READING, StoryboardViewModel.readingTime(null));
        assertEquals(Duration.ofMillis(9500), StoryboardViewModel.readingTime("word ".repeat(20)));
        assertEquals(StoryboardViewModel.LONGEST_READING, StoryboardViewModel.readingTime("word ".repeat(500)));
    }
}
