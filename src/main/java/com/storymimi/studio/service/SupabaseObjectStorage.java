package com.storymimi.studio.service;

import com.storymimi.studio.supabase.error.StorageException;
import com.storymimi.studio.supabase.error.SupabaseException;
import com.storymimi.studio.supabase.storage.StorageClient;
import com.storymimi.studio.supabase.storage.UploadOptions;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.LongConsumer;

/** {@link ObjectStorage} over the Supabase Storage client: what the media services use in the app. */
public final class SupabaseObjectStorage implements ObjectStorage {

    private final StorageClient storage;

    public SupabaseObjectStorage(StorageClient storage) {
        this.storage = Objects.requireNonNull(storage, "storage");
    }

    @Override
    public CompletableFuture<Void> upload(String bucket, String key, Path file, String contentType,
                                          LongConsumer bytesSent) {
        UploadOptions options = UploadOptions.defaults().withContentType(contentType).withUpsert(true)
                .withProgress(progress -> bytesSent.accept(progress.bytesSent()));
        return storage.from(bucket).upload(key, file, options).thenApply(stored -> null);
    }

    @Override
    public CompletableFuture<Void> remove(String bucket, List<String> keys) {
        if (keys.isEmpty()) {
            return CompletableFuture.completedFuture(null);
        }
        return storage.from(bucket).remove(keys).thenApply(removed -> null);
    }

    @Override
    public CompletableFuture<Optional<ObjectInfo>> info(String bucket, String key) {
        return storage.from(bucket).info(key)
                .thenApply(info -> Optional.of(new ObjectInfo(info.size() == null ? 0 : info.size(), info.etag())))
                .exceptionally(failure -> {
                    if (SupabaseException.unwrap(failure).orElse(null) instanceof StorageException missing
                            && "404".equals(missing.statusCode())) {
                        return Optional.empty();
                    }
                    throw failure instanceof CompletionException completion ? completion
                            : new CompletionException(failure);
                });
    }

    @Override
    public CompletableFuture<Void> download(String bucket, String key, Path target) {
        return storage.from(bucket).download(key, target).thenApply(path -> null);
    }

    @Override
    public String publicUrl(String bucket, String key) {
        return storage.from(bucket).publicUrl(key).toString();
    }
}
