package com.storymimi.studio.ui.common;

import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyLongWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.LongConsumer;

/**
 * One piece of background work (an upload) as the status bar shows it: progress, speed, time left, and the
 * commands to cancel it or run it again. Properties change on the FX thread only; {@link BackgroundJobs}
 * creates jobs and hops every report from a worker thread onto that thread first.
 */
public final class BackgroundJob {

    public enum Kind { UPLOAD }

    public enum State { RUNNING, DONE, FAILED, CANCELLED }

    /** What the person reads about the job: its row title, the file it concerns and the sentence when done. */
    public record Label(String name, String subject, String doneMessage) {
        public Label {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(subject, "subject");
            Objects.requireNonNull(doneMessage, "doneMessage");
        }
    }

    /** Speed is averaged over this window so one slow or fast chunk does not make the number jump. */
    static final long SPEED_WINDOW_MILLIS = 2_000;

    private final Label label;
    private final Kind kind;
    private final Function<LongConsumer, CompletableFuture<?>> work;
    private final Consumer<Object> retriedResult;
    private final BackgroundJobs owner;
    private final Deque<long[]> samples = new ArrayDeque<>(); // {millis, bytes}

    private final ReadOnlyObjectWrapper<State> state = new ReadOnlyObjectWrapper<>(this, "state", State.RUNNING);
    private final ReadOnlyLongWrapper bytesDone = new ReadOnlyLongWrapper(this, "bytesDone");
    private final ReadOnlyLongWrapper bytesTotal = new ReadOnlyLongWrapper(this, "bytesTotal");
    private final ReadOnlyDoubleWrapper fraction = new ReadOnlyDoubleWrapper(this, "fraction");
    private final ReadOnlyDoubleWrapper bytesPerSecond = new ReadOnlyDoubleWrapper(this, "bytesPerSecond");
    private final ReadOnlyObjectWrapper<Duration> timeLeft = new ReadOnlyObjectWrapper<>(this, "timeLeft");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error");

    // The first attempt starts on the caller's thread; retries and reports run on the FX thread.
    private volatile CompletableFuture<?> current;
    private volatile int attempt;

    /** @param retriedResult gets the result of a retry that succeeded (FX thread); the first attempt's goes to its caller */
    BackgroundJob(Label label, Kind kind, long totalBytes, Function<LongConsumer, CompletableFuture<?>> work,
                  Consumer<Object> retriedResult, BackgroundJobs owner) {
        this.label = Objects.requireNonNull(label, "label");
        this.kind = Objects.requireNonNull(kind, "kind");
        this.work = Objects.requireNonNull(work, "work");
        this.retriedResult = Objects.requireNonNull(retriedResult, "retriedResult");
        this.owner = owner;
        bytesTotal.set(Math.max(0, totalBytes));
    }

    /** Starts an attempt; reports of earlier attempts are ignored from here on. */
    CompletableFuture<?> start() {
        int thisAttempt = ++attempt;
        samples.clear();
        bytesDone.set(0);
        fraction.set(0);
        bytesPerSecond.set(0);
        timeLeft.set(null);
        error.set(null);
        state.set(State.RUNNING);
        samples.addLast(new long[] {owner.nowMillis(), 0});
        CompletableFuture<?> future;
        try {
            future = work.apply(sent -> owner.onFx(() -> {
                if (thisAttempt == attempt) {
                    progressed(sent);
                }
            }));
        } catch (RuntimeException e) {
            future = CompletableFuture.failedFuture(e);
        }
        current = future;
        future.whenComplete((result, failure) -> owner.onFx(() -> {
            if (thisAttempt == attempt) {
                owner.finished(this, failure);
                if (failure == null && thisAttempt > 1) {
                    retriedResult.accept(result);
                }
            }
        }));
        return future;
    }

    void progressed(long sent) {
        long now = owner.nowMillis();
        bytesDone.set(sent);
        long total = bytesTotal.get();
        fraction.set(total <= 0 ? 0 : Math.min(1, sent / (double) total));
        samples.addLast(new long[] {now, sent});
        // Keep the newest sample at or before the window's start as the base of the average.
        while (samples.size() > 2 && secondSample()[0] <= now - SPEED_WINDOW_MILLIS) {
            samples.removeFirst();
        }
        long[] base = samples.peekFirst();
        long elapsed = now - base[0];
        double speed = elapsed <= 0 ? 0 : (sent - base[1]) * 1000.0 / elapsed;
        bytesPerSecond.set(speed);
        timeLeft.set(speed <= 0 || total <= 0 ? null
                : Duration.ofMillis((long) Math.ceil(Math.max(0, total - sent) * 1000.0 / speed)));
        owner.changed();
    }

    private long[] secondSample() {
        var samplesInOrder = samples.iterator();
        samplesInOrder.next();
        return samplesInOrder.next();
    }

    /** The total became known after the job was listed (the file was measured off the FX thread). */
    void measured(long totalBytes) {
        bytesTotal.set(Math.max(0, totalBytes));
        if (bytesDone.get() > 0) {
            progressed(bytesDone.get());
        }
    }

    void ended(State outcome, String sentence) {
        state.set(outcome);
        error.set(sentence);
        timeLeft.set(null);
        bytesPerSecond.set(0);
        if (outcome == State.DONE) {
            bytesDone.set(bytesTotal.get());
            fraction.set(1);
        }
    }

    /** Aborts the running attempt (the HTTP exchange with it); the job ends CANCELLED. */
    public void cancel() {
        if (state.get() == State.RUNNING && current != null) {
            current.cancel(true);
        }
    }

    /** Runs the same work again after a failure or a cancel. */
    public void retry() {
        if (canRetry()) {
            start();
            owner.changed();
        }
    }

    public boolean canRetry() {
        return state.get() == State.FAILED || state.get() == State.CANCELLED;
    }

    public String name() {
        return label.name();
    }

    public Label label() {
        return label;
    }

    public Kind kind() {
        return kind;
    }

    public ReadOnlyObjectProperty<State> stateProperty() {
        return state.getReadOnlyProperty();
    }

    public State state() {
        return state.get();
    }

    public ReadOnlyLongProperty bytesDoneProperty() {
        return bytesDone.getReadOnlyProperty();
    }

    public ReadOnlyLongProperty bytesTotalProperty() {
        return bytesTotal.getReadOnlyProperty();
    }

    /** 0..1 of the bytes sent. */
    public ReadOnlyDoubleProperty fractionProperty() {
        return fraction.getReadOnlyProperty();
    }

    /** Averaged over the last ~2 seconds; 0 when unknown or not running. */
    public ReadOnlyDoubleProperty bytesPerSecondProperty() {
        return bytesPerSecond.getReadOnlyProperty();
    }

    /** Null while unknown (no speed yet) and after the job ended. */
    public ReadOnlyObjectProperty<Duration> timeLeftProperty() {
        return timeLeft.getReadOnlyProperty();
    }

    /** The one-sentence reason of a failure; null otherwise. */
    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }
}
