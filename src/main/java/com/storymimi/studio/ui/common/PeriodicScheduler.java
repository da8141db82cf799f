package com.storymimi.studio.ui.common;

import java.time.Duration;

/** Runs an action again and again, on the FX thread, until the returned handle is closed. */
public interface PeriodicScheduler {

    /** Schedules {@code action} every {@code period}, first after one period. */
    Cancellable every(Duration period, Runnable action);

    /** Stops a schedule; closing twice is harmless. */
    interface Cancellable extends AutoCloseable {
        @Override
        void close();
    }
}
