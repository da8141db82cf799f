package com.storymimi.studio.ui.editor;

import com.storymimi.studio.model.MediaKind;
import com.storymimi.studio.model.Scene;
import com.storymimi.studio.service.MediaService;
import com.storymimi.studio.ui.common.BackgroundJob;
import com.storymimi.studio.ui.common.BackgroundJobs;
import com.storymimi.studio.ui.common.Texts;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.function.LongConsumer;

/**
 * A {@link MediaService} whose uploads show up in the status bar's {@link BackgroundJobs}: every attach becomes
 * a job ("03.png → scene 3 image") with speed, cancel and retry, while the caller still gets its own progress
 * and future. Wrapping the service (rather than each caller) routes every editor upload through the queue,
 * whichever drop zone or chooser started it. A retry that succeeds reaches the {@link #onLaterAttach} listeners.
 */
public final class TrackedMediaService implements MediaService {

    private final MediaService delegate;
    private final BackgroundJobs jobs;
    private final Texts texts;
    private final List<Consumer<Scene>> laterAttached = new CopyOnWriteArrayList<>();

    public TrackedMediaService(MediaService delegate, BackgroundJobs jobs, Texts texts) {
        this.delegate = Objects.requireNonNull(delegate, "delegate");
        this.jobs = Objects.requireNonNull(jobs, "jobs");
        this.texts = Objects.requireNonNull(texts, "texts");
    }

    @Override
    public CompletableFuture<Void> check(Path file, MediaKind kind) {
        return delegate.check(file, kind);
    }

    @Override
    public CompletableFuture<Scene> attach(Scene scene, MediaKind kind, Path file, LongConsumer bytesSent) {
        String fileName = String.valueOf(file.getFileName());
        BackgroundJob.Label label = new BackgroundJob.Label(
                texts.get("jobs.upload.scene." + kind.name(), fileName, scene.sequence()), fileName,
                texts.get("jobs.upload.scene.done", fileName, scene.sequence()));
        LongConsumer callerProgress = bytesSent == null ? sent -> { } : bytesSent;
        return jobs.runUpload(label, file, jobProgress ->
                delegate.attach(scene, kind, file, sent -> {
                    jobProgress.accept(sent);
                    callerProgress.accept(sent);
                }), retried -> laterAttached.forEach(listener -> listener.accept(retried)));
    }

    @Override
    public Runnable onLaterAttach(Consumer<Scene> listener) {
        laterAttached.add(listener);
        return () -> laterAttached.remove(listener);
    }

    @Override
    public CompletableFuture<Scene> detach(Scene scene, MediaKind kind) {
        return delegate.detach(scene, kind);
    }

    @Override
    public CompletableFuture<Scene> putBack(Scene scene, MediaKind kind, String url) {
        return delegate.putBack(scene, kind, url);
    }

    @Override
    public CompletableFuture<Path> localCopy(Scene scene, MediaKind kind) {
        return delegate.localCopy(scene, kind);
    }

}
