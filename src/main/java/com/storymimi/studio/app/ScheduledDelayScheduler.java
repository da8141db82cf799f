package com.storymimi.studio.app;

import com.storymimi.studio.ui.common.DelayScheduler;
import com.storymimi.studio.ui.common.PeriodicScheduler;

import java.time.Duration;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/** {@link DelayScheduler} on the timer thread; the action itself runs on the FX thread. */
final class ScheduledDelayScheduler implements DelayScheduler {

    private final ScheduledExecutorService timer;
    private final Executor fx;

    ScheduledDelayScheduler(ScheduledExecutorService timer, Executor fx) {
        this.timer = timer;
        this.fx = fx;
    }

    @Override
    public PeriodicScheduler.Cancellable after(Duration delay, Runnable action) {
        AtomicBoolean cancelled = new AtomicBoolean();
        // Checked again on the FX thread: a cancel that comes after the timer fired but before the FX thread
        // ran the action must still win, or a debounced search could run for a term already replaced.
        ScheduledFuture<?> later = timer.schedule(() -> fx.execute(() -> {
            if (!cancelled.get()) {
                action.run();
            }
        }), delay.toMillis(), TimeUnit.MILLISECONDS);
        return () -> {
            cancelled.set(true);
            later.cancel(false);
        };
    }
}
