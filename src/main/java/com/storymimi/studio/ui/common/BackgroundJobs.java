package com.storymimi.studio.ui.common;

import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.LongConsumer;

/**
 * The app's background work (uploads) as one list the status bar shows: each job with progress, speed and
 * cancel/retry, plus how many run and how far they are together. Finished jobs stay listed until cleared (the
 * newest {@link #KEPT_FINISHED} of them). When a job ends it says so through the {@link DialogService}'s
 * notifications, so the person learns about it in whatever section they are.
 * One instance per app; apart from {@link #run} every method runs on the FX thread (worker reports arrive
 * through {@code fx}).
 */
public final class BackgroundJobs {

    public static final int KEPT_FINISHED = 20;

    private final DialogService dialogs;
    private final UserMessages messages;
    private final Texts texts;
    private final Executor fx;
    private final Executor disk;
    private final Clock clock;

    private final ObservableList<BackgroundJob> jobs = FXCollections.observableArrayList();
    private final ObservableList<BackgroundJob> jobsView = FXCollections.unmodifiableObservableList(jobs);
    private final ReadOnlyIntegerWrapper runningCount = new ReadOnlyIntegerWrapper(this, "runningCount");
    private final ReadOnlyIntegerWrapper failedCount = new ReadOnlyIntegerWrapper(this, "failedCount");
    private final ReadOnlyDoubleWrapper overallFraction = new ReadOnlyDoubleWrapper(this, "overallFraction");
    private final ReadOnlyBooleanWrapper worthShowing = new ReadOnlyBooleanWrapper(this, "worthShowing");

    /** @param disk measures files for their size; {@code fx} runs on the FX thread */
    public BackgroundJobs(DialogService dialogs, UserMessages messages, Texts texts, Executor fx, Executor disk,
                          Clock clock) {
        this.dialogs = Objects.requireNonNull(dialogs, "dialogs");
        this.disk = Objects.requireNonNull(disk, "disk");
        this.messages = Objects.requireNonNull(messages, "messages");
        this.texts = Objects.requireNonNull(texts, "texts");
        this.fx = Objects.requireNonNull(fx, "fx");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * Lists a new job and starts it. {@code work} gets a progress callback (running byte total, any thread) and
     * returns the future of one attempt; a retry calls it again. Returns the first attempt's future unchanged,
     * so the caller's own progress and cancel keep working. May be called on any thread (services call it from
     * the thread that completed their previous step); the job is listed on the FX thread.
     */
    public <T> CompletableFuture<T> run(BackgroundJob.Label label, BackgroundJob.Kind kind, long totalBytes,
                                        Function<LongConsumer, CompletableFuture<T>> work) {
        return start(new BackgroundJob(label, kind, totalBytes, work::apply, result -> { }, this));
    }

    /**
     * As {@link #run}, for the upload of a local file: the job is listed at once and the file measured for its
     * total in the background (this may be called on the FX thread). A retry from the status bar that
     * succeeds hands its result to {@code retried} on the FX thread: the first attempt's caller has long been
     * told of the failure, and whoever shows the uploaded thing should show it now.
     */
    public <T> CompletableFuture<T> runUpload(BackgroundJob.Label label, Path file,
                                              Function<LongConsumer, CompletableFuture<T>> work,
                                              Consumer<? super T> retried) {
        @SuppressWarnings("unchecked") // the job hands back what work's futures produced: a T
        Consumer<Object> retriedResult = result -> retried.accept((T) result);
        BackgroundJob job = new BackgroundJob(label, BackgroundJob.Kind.UPLOAD, 0, work::apply, retriedResult, this);
        CompletableFuture.supplyAsync(() -> sizeOf(file), disk).thenAccept(size -> fx.execute(() -> {
            job.measured(size);
            changed();
        }));
        return start(job);
    }

    /** A stat of a file the person picked; 0 if it cannot be read (the upload then fails with the real reason). */
    private static long sizeOf(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            return 0;
        }
    }

    private <T> CompletableFuture<T> start(BackgroundJob job) {
        fx.execute(() -> {
            jobs.addFirst(job);
            trimFinished();
            changed();
        });
        @SuppressWarnings("unchecked") // start() returns what work returned: a CompletableFuture<T>
        CompletableFuture<T> first = (CompletableFuture<T>) job.start();
        return first;
    }

    /** Drops every job that is no longer running. */
    public void clearFinished() {
        jobs.removeIf(job -> job.state() != BackgroundJob.State.RUNNING);
        changed();
    }

    void finished(BackgroundJob job, Throwable failure) {
        String subject = job.label().subject();
        if (failure == null) {
            job.ended(BackgroundJob.State.DONE, null);
            dialogs.showInfo(job.label().doneMessage());
        } else if (UserMessages.isCancellation(failure)) {
            job.ended(BackgroundJob.State.CANCELLED, null);
        } else {
            String sentence = messages.describeUpload(failure);
            job.ended(BackgroundJob.State.FAILED, sentence);
            dialogs.showError(texts.get("jobs.failed.notice", subject, withoutFullStop(sentence)));
        }
        changed();
    }

    private static String withoutFullStop(String sentence) {
        return sentence.endsWith(".") ? sentence.substring(0, sentence.length() - 1) : sentence;
    }

    void changed() {
        int running = 0;
        int failed = 0;
        long done = 0;
        long total = 0;
        for (BackgroundJob job : jobs) {
            switch (job.state()) {
                case RUNNING -> {
                    running++;
                    done += job.bytesDoneProperty().get();
                    total += job.bytesTotalProperty().get();
                }
                case FAILED -> failed++;
                default -> { }
            }
        }
        runningCount.set(running);
        failedCount.set(failed);
        overallFraction.set(total <= 0 ? 0 : Math.min(1, done / (double) total));
        worthShowing.set(running > 0 || failed > 0);
    }

    private void trimFinished() {
        long finished = jobs.stream().filter(job -> job.state() != BackgroundJob.State.RUNNING).count();
        for (int i = jobs.size() - 1; i >= 0 && finished > KEPT_FINISHED; i--) {
            if (jobs.get(i).state() != BackgroundJob.State.RUNNING) {
                jobs.remove(i);
                finished--;
            }
        }
    }

    void onFx(Runnable action) {
        fx.execute(action);
    }

    long nowMillis() {
        return clock.millis();
    }

    /** Newest first. */
    public ObservableList<BackgroundJob> jobs() {
        return jobsView;
    }

    public ReadOnlyIntegerProperty runningCountProperty() {
        return runningCount.getReadOnlyProperty();
    }

    public ReadOnlyIntegerProperty failedCountProperty() {
        return failedCount.getReadOnlyProperty();
    }

    /** Bytes sent over bytes to send, across the running jobs; 0 when none runs. */
    public ReadOnlyDoubleProperty overallFractionProperty() {
        return overallFraction.getReadOnlyProperty();
    }

    /** True while something runs or a failure has not been cleared: the status bar shows itself then. */
    public ReadOnlyBooleanProperty worthShowingProperty() {
        return worthShowing.getReadOnlyProperty();
    }
}
