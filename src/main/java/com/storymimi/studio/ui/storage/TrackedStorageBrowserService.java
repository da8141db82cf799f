package com.storymimi.studio.ui.storage;

import com.storymimi.studio.model.FolderPage;
import com.storymimi.studio.model.PageRequest;
import com.storymimi.studio.model.StorageBucket;
import com.storymimi.studio.model.StorageEntry;
import com.storymimi.studio.service.StorageBrowserService;
import com.storymimi.studio.ui.common.BackgroundJob;
import com.storymimi.studio.ui.common.BackgroundJobs;
import com.storymimi.studio.ui.common.Texts;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.function.DoubleConsumer;

/**
 * A {@link StorageBrowserService} whose uploads show up in the status bar's {@link BackgroundJobs}, one job per
 * file ("notes.png → story-images/abc"), while the Storage section keeps its own overall progress bar. A retry
 * that succeeds reaches the {@link #onLaterUpload} listeners.
 */
public final class TrackedStorageBrowserService implements StorageBrowserService {

    private final StorageBrowserService delegate;
    private final BackgroundJobs jobs;
    private final Texts texts;
    private final List<Consumer<StorageEntry>> laterUploaded = new CopyOnWriteArrayList<>();

    public TrackedStorageBrowserService(StorageBrowserService delegate, BackgroundJobs jobs, Texts texts) {
        this.delegate = Objects.requireNonNull(delegate, "delegate");
        this.jobs = Objects.requireNonNull(jobs, "jobs");
        this.texts = Objects.requireNonNull(texts, "texts");
    }

    @Override
    public CompletableFuture<StorageEntry> upload(String bucket, String folder, Path file, DoubleConsumer fractionSent) {
        String fileName = String.valueOf(file.getFileName());
        String place = folder == null || folder.isBlank() ? bucket : bucket + "/" + folder;
        BackgroundJob.Label label = new BackgroundJob.Label(texts.get("jobs.upload.storage", fileName, place),
                fileName, texts.get("jobs.upload.storage.done", fileName, place));
        DoubleConsumer callerProgress = fractionSent == null ? f -> { } : fractionSent;
        return jobs.runUpload(label, file, jobProgress -> {
            FileSize size = new FileSize(file);
            return delegate.upload(bucket, folder, file, fraction -> {
                jobProgress.accept((long) (Math.min(1, fraction) * size.bytes()));
                callerProgress.accept(fraction);
            });
        }, retried -> laterUploaded.forEach(listener -> listener.accept(retried)));
    }

    @Override
    public Runnable onLaterUpload(Consumer<StorageEntry> listener) {
        laterUploaded.add(listener);
        return () -> laterUploaded.remove(listener);
    }

    /** The file's size, read once, on the first progress report: those arrive on a worker thread. */
    private static final class FileSize {
        private final Path file;
        private long bytes = -1;

        FileSize(Path file) {
            this.file = file;
        }

        synchronized long bytes() {
            if (bytes < 0) {
                try {
                    bytes = Files.size(file);
                } catch (IOException e) {
                    bytes = 0; // the upload fails with the real reason; the job then shows it
                }
            }
            return bytes;
        }
    }

    @Override
    public CompletableFuture<List<StorageBucket>> buckets() {
        return delegate.buckets();
    }

    @Override
    public CompletableFuture<FolderPage> list(String bucket, String folder, PageRequest page) {
        return delegate.list(bucket, folder, page);
    }

    @Override
    public CompletableFuture<Void> delete(String bucket, List<String> keys) {
        return delegate.delete(bucket, keys);
    }

    @Override
    public String publicUrl(String bucket, String key) {
        return delegate.publicUrl(bucket, key);
    }

    @Override
    public CompletableFuture<String> signedUrl(String bucket, String key, Duration validFor) {
        return delegate.signedUrl(bucket, key, validFor);
    }

    @Override
    public CompletableFuture<Path> download(String bucket, String key, Path target) {
        return delegate.download(bucket, key, target);
    }
}
