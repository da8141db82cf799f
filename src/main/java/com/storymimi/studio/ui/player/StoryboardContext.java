package com.storymimi.studio.ui.player;

import com.storymimi.studio.service.MediaService;
import com.storymimi.studio.service.StoryService;
import com.storymimi.studio.ui.common.DelayScheduler;
import com.storymimi.studio.ui.common.Texts;
import com.storymimi.studio.ui.common.UserMessages;

import java.time.Clock;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

/**
 * What a storyboard player of one connection needs: the story and its media, texts for what it shows, the FX
 * executor, the scheduler that advances a scene without narration after its reading time, and the clock that
 * measures how much of that time is left when playback is paused.
 */
public record StoryboardContext(StoryService stories, MediaService media, UserMessages messages, Texts texts,
                                Executor fx, DelayScheduler delays, Clock clock) {

    public StoryboardContext {
        Objects.requireNonNull(stories, "stories");
        Objects.requireNonNull(media, "media");
        Objects.requireNonNull(messages, "messages");
        Objects.requireNonNull(texts, "texts");
        Objects.requireNonNull(fx, "fx");
        Objects.requireNonNull(delays, "delays");
        Objects.requireNonNull(clock, "clock");
    }

    /** A player of this story, started: it loads the story and plays from the first scene. */
    public StoryboardViewModel play(UUID storyId) {
        return play(storyId, CompletableFuture.completedFuture(null));
    }

    /** As {@link #play(UUID)}, once {@code first} is done, however it ends (a save of what is being typed). */
    public StoryboardViewModel play(UUID storyId, CompletableFuture<?> first) {
        StoryboardViewModel player = new StoryboardViewModel(storyId, this);
        first.handleAsync((done, failure) -> null, fx).thenRun(player::start);
        return player;
    }
}
