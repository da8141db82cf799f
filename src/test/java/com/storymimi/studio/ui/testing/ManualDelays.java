package com.storymimi.studio.ui.testing;

import com.storymimi.studio.ui.common.DelayScheduler;
import com.storymimi.studio.ui.common.PeriodicScheduler;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** A {@link DelayScheduler} whose time moves only when the test says {@link #advance}. */
public final class ManualDelays implements DelayScheduler {

    private final class Pending {
        final long due;
        final Runnable action;
        boolean cancelled;

        Pending(long due, Runnable action) {
            this.due = due;
            this.action = action;
        }
    }

    private final List<Pending> pending = new ArrayList<>();
    private long now;

    @Override
    public PeriodicScheduler.Cancellable after(Duration delay, Runnable action) {
        Pending task = new Pending(now + delay.toMillis(), action);
        pending.add(task);
        return () -> task.cancelled = true;
    }

    /** Moves time forward and runs, in time order, what fell due. */
    public void advance(Duration by) {
        long until = now + by.toMillis();
        while (true) {
            Pending next = pending.stream().filter(p -> !p.cancelled && p.due <= until)
                    .min(Comparator.comparingLong(p -> p.due)).orElse(null);
            if (next == null) {
                break;
            }
            pending.remove(next);
            now = next.due;
            next.action.run();
        }
        now = until;
        pending.removeIf(p -> p.cancelled);
    }

    /** How many actions wait to run. */
    public long waiting() {
        return pending.stream().filter(p -> !p.cancelled).count();
    }
}
