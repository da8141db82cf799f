package com.storymimi.studio.ui.common;

import java.time.Duration;

/**
 * Runs an action once, on the FX thread, after a delay, unless it is cancelled first. View models debounce
 * typing with it (search as you type, autosave after a pause); tests pass a manual one and move time by hand.
 */
public interface DelayScheduler {

    /** Schedules {@code action} once after {@code delay}; closing the handle before then skips it. */
    PeriodicScheduler.Cancellable after(Duration delay, Runnable action);
}
