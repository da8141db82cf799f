package com.storymimi.studio.supabase.storage;

import com.storymimi.studio.supabase.http.HttpPipeline;
import com.storymimi.studio.supabase.http.JsonCodec;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/**
 * Resumable (TUS) uploads into Storage. With a state directory, every upload keeps a small 0600 JSON file
 * there until it completes or is cancelled, so {@link #pending()} finds unfinished ones after a restart.
 */
public final class ResumableUploads {

    /** Every chunk but the last is exactly this long: 6 MiB, what hosted Supabase requires. */
    public static final int CHUNK_SIZE = 6 * 1024 * 1024;

    private final HttpPipeline pipeline;
    private final UploadStateStore states;

    ResumableUploads(HttpPipeline pipeline, JsonCodec codec, Path stateDir) {
        this.pipeline = pipeline;
        this.states = new UploadStateStore(stateDir, codec);
    }

    /** The directory holding the state files, if any. */
    public Optional<Path> stateDirectory() {
        return states.directory();
    }

    /**
     * Prepares an upload of {@code file} as {@code bucket/key} (reading its size and, unless given, its type off
     * the caller's thread); nothing is sent until {@link ResumableUpload#start()}.
     */
    public CompletableFuture<ResumableUpload> prepare(String bucket, String key, Path file, UploadOptions options) {
        ObjectKeys.requireValidBucket(bucket);
        ObjectKeys.requireValidKey(key);
        Objects.requireNonNull(options, "options");
        return CompletableFuture.supplyAsync(() -> {
            try {
                return prepare(bucket, key, UploadSource.of(file, options), options);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
    }

    ResumableUpload prepare(String bucket, String key, UploadSource source, UploadOptions options) {
        UploadState state = new UploadState(UUID.randomUUID().toString(), source.file().toAbsolutePath().toString(),
                source.size(), source.lastModifiedMillis(), bucket, key, null, 0, source.contentType(),
                options.cacheControl().toSeconds(), options.upsert());
        return new ResumableUpload(pipeline, states, state, options.onProgress());
    }

    /** Unfinished uploads found in the state directory (none without one). */
    public CompletableFuture<List<PendingUpload>> pending() {
        return CompletableFuture.supplyAsync(() -> {
            try {
                List<PendingUpload> found = new ArrayList<>();
                for (UploadState state : states.list()) {
                    found.add(new PendingUpload(state.id(), Path.of(state.file()), state.bucket(), state.key(),
                            state.size(), state.offset(), changed(state)));
                }
                return List.copyOf(found);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
    }

    /**
     * The upload behind {@code pending}, ready to {@link ResumableUpload#start()}: it asks the server for the
     * offset first and continues from there.
     */
    public CompletableFuture<ResumableUpload> restore(PendingUpload pending, Consumer<TransferProgress> onProgress) {
        return CompletableFuture.supplyAsync(() -> {
            try {
                UploadState state = states.list().stream().filter(s -> s.id().equals(pending.id())).findFirst()
                        .orElseThrow(() -> new IllegalArgumentException("No unfinished upload " + pending.id()));
                return new ResumableUpload(pipeline, states, state, onProgress == null ? p -> { } : onProgress);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
    }

    private static boolean changed(UploadState state) {
        try {
            Path file = Path.of(state.file());
            return Files.size(file) != state.size() || Files.getLastModifiedTime(file).toMillis() != state.lastModified();
        } catch (IOException e) {
            return true;
        }
    }
}
