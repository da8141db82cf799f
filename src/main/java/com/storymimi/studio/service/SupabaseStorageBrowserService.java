package com.storymimi.studio.service;

import com.storymimi.studio.model.FolderPage;
import com.storymimi.studio.model.PageRequest;
import com.storymimi.studio.model.StorageBucket;
import com.storymimi.studio.model.StorageEntry;
import com.storymimi.studio.supabase.storage.ListOptions;
import com.storymimi.studio.supabase.storage.StorageClient;
import com.storymimi.studio.supabase.storage.StorageObject;
import com.storymimi.studio.supabase.storage.UploadOptions;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.DoubleConsumer;

/** {@link StorageBrowserService} over the Supabase Storage client. */
public final class SupabaseStorageBrowserService implements StorageBrowserService {

    private final StorageClient storage;
    private final Executor fileWork;
    private final UploadGate gate;

    /** @param fileWork runs the blocking file checks before an upload (never the FX thread) */
    public SupabaseStorageBrowserService(StorageClient storage, Executor fileWork) {
        this.storage = Objects.requireNonNull(storage, "storage");
        this.fileWork = Objects.requireNonNull(fileWork, "fileWork");
        this.gate = new UploadGate();
    }

    @Override
    public CompletableFuture<List<StorageBucket>> buckets() {
        return ServiceFailures.translated(storage.listBuckets().thenApply(list -> list.stream()
                .map(SupabaseStorageBrowserService::bucket)
                .sorted(java.util.Comparator.comparing(StorageBucket::id))
                .toList()));
    }

    @Override
    public CompletableFuture<FolderPage> list(String bucket, String folder, PageRequest page) {
        String prefix = normalised(folder);
        ListOptions options = ListOptions.DEFAULT.withPage(page.limit(), page.offset());
        return ServiceFailures.translated(storage.from(bucket).list(prefix, options)
                .thenApply(objects -> new FolderPage(objects.stream().map(o -> entry(prefix, o)).toList(), page)));
    }

    @Override
    public CompletableFuture<Void> delete(String bucket, List<String> keys) {
        if (keys.isEmpty()) {
            return CompletableFuture.completedFuture(null);
        }
        return ServiceFailures.translated(storage.from(bucket).remove(keys).thenApply(removed -> null));
    }

    @Override
    public String publicUrl(String bucket, String key) {
        return storage.from(bucket).publicUrl(key).toString();
    }

    @Override
    public CompletableFuture<String> signedUrl(String bucket, String key, Duration validFor) {
        return ServiceFailures.translated(storage.from(bucket).createSignedUrl(key, validFor).thenApply(Object::toString));
    }

    @Override
    public CompletableFuture<Path> download(String bucket, String key, Path target) {
        return ServiceFailures.translated(CompletableFuture
                .runAsync(() -> createParent(target), fileWork)
                .thenCompose(ready -> storage.from(bucket).download(key, target)));
    }

    @Override
    public CompletableFuture<StorageEntry> upload(String bucket, String folder, Path file, DoubleConsumer fractionSent) {
        String prefix = normalised(folder);
        String name = String.valueOf(file.getFileName());
        String key = prefix.isEmpty() ? name : prefix + "/" + name;
        CompletableFuture<StorageBucket> rules = UploadGate.isStoryMimiBucket(bucket)
                ? CompletableFuture.completedFuture(null)
                : storage.getBucket(bucket).thenApply(SupabaseStorageBrowserService::bucket);
        return ServiceFailures.translated(rules
                .thenApplyAsync(found -> gate.contentType(bucket, found, file), fileWork)
                .thenCompose(type -> {
                    UploadOptions options = UploadOptions.defaults().withContentType(type).withUpsert(true)
                            .withProgress(progress -> fractionSent.accept(progress.fraction()));
                    return storage.from(bucket).upload(key, file, options)
                            .thenApply(stored -> new StorageEntry(name, key, false, sizeOf(file), type,
                                    java.time.Instant.now()));
                }));
    }

    private static StorageEntry entry(String prefix, StorageObject object) {
        String key = prefix.isEmpty() ? object.name() : prefix + "/" + object.name();
        if (object.isFolder()) {
            return StorageEntry.folder(object.name(), key);
        }
        return new StorageEntry(object.name(), key, false, object.size().orElse(0L),
                object.mimeType().orElse(null), object.updatedAt());
    }

    private static StorageBucket bucket(com.storymimi.studio.supabase.storage.Bucket bucket) {
        return new StorageBucket(bucket.id(), bucket.isPublic(), bucket.fileSizeLimit(), bucket.allowedMimeTypes());
    }

    /** "a/b/" and "/a/b" mean the folder "a/b". */
    static String normalised(String folder) {
        String trimmed = folder == null ? "" : folder.strip();
        while (trimmed.startsWith("/")) {
            trimmed = trimmed.substring(1);
        }
        while (trimmed.endsWith("/")) {
            trimmed = trimmed.substring(0, trimmed.length() - 1);
        }
        return trimmed;
    }

    private static void createParent(Path target) {
        try {
            Path parent = target.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not create the folder of " + target, e);
        }
    }

    private static long sizeOf(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            return 0; // uploaded already; the size is only for display
        }
    }
}
