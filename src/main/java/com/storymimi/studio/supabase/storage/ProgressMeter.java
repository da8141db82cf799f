package com.storymimi.studio.supabase.storage;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.function.Consumer;
import java.util.function.LongSupplier;

/** Turns byte counts into {@link TransferProgress} with a rate averaged over a sliding window. */
final class ProgressMeter {

    private static final long WINDOW_NANOS = 5_000_000_000L;

    private record Sample(long nanos, long bytes) {
    }

    private final long total;
    private final Consumer<TransferProgress> listener;
    private final LongSupplier nanoClock;
    private final Deque<Sample> samples = new ArrayDeque<>();

    ProgressMeter(long total, Consumer<TransferProgress> listener, LongSupplier nanoClock) {
        this.total = total;
        this.listener = listener;
        this.nanoClock = nanoClock;
    }

    synchronized void update(long bytesSent) {
        long now = nanoClock.getAsLong();
        if (!samples.isEmpty() && bytesSent < samples.peekLast().bytes()) {
            samples.clear(); // an attempt restarted: earlier samples would distort the rate
        }
        samples.addLast(new Sample(now, bytesSent));
        while (samples.size() > 2 && now - samples.peekFirst().nanos() > WINDOW_NANOS) {
            samples.removeFirst();
        }
        Sample oldest = samples.peekFirst();
        long elapsed = now - oldest.nanos();
        double rate = elapsed <= 0 ? 0 : (bytesSent - oldest.bytes()) * 1e9 / elapsed;
        try {
            listener.accept(new TransferProgress(bytesSent, total, rate));
        } catch (RuntimeException ignored) {
            // a faulty progress display must not break the upload it displays
        }
    }
}
