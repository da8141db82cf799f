package com.storymimi.studio.app;

import com.storymimi.studio.ui.common.PeriodicScheduler;

import java.time.Duration;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/** {@link PeriodicScheduler} on a timer thread that hands each tick to the FX thread. */
final class ScheduledPeriodicScheduler implements PeriodicScheduler {

    private final ScheduledExecutorService timer;
    private final Executor fx;

    ScheduledPeriodicScheduler(ScheduledExecutorService timer, Executor fx) {
        this.timer = timer;
        this.fx = fx;
    }

    @Override
    public Cancellable every(Duration period, Runnable action) {
        long millis = period.toMillis();
        ScheduledFuture<?> ticks = timer.scheduleWithFixedDelay(() -> fx.execute(action), millis, millis,
                TimeUnit.MILLISECONDS);
        return () -> ticks.cancel(false);
    }
}
