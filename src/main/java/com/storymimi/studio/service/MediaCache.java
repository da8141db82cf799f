package com.storymimi.studio.service;

import com.storymimi.studio.model.MediaRef;
import com.storymimi.studio.service.ServiceException.Reason;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

/**
 * Local copies of Storage objects for preview and playback, under {@code <cacheDir>/<bucket>/<key dir>/}, one file
 * per object version (the ETag is part of the name). A copy appears only once it is complete: it is downloaded to
 * a temporary file in the same directory and then renamed atomically, so a reader never sees half a file.
 */
final class MediaCache {

    private final ObjectStorage storage;
    private final Path root;
    private final Executor io;

    MediaCache(ObjectStorage storage, Path cacheDir, Executor io) {
        this.storage = Objects.requireNonNull(storage, "storage");
        this.root = cacheDir.toAbsolutePath().normalize();
        this.io = Objects.requireNonNull(io, "io");
    }

    /**
     * A local copy of the object, downloaded unless the cache holds its current version. Starts on the io executor:
     * building and sending a request costs the caller milliseconds, and callers are often the FX thread
     * prefetching several media at once.
     */
    CompletableFuture<Path> copyOf(MediaRef ref) {
        return CompletableFuture.supplyAsync(() -> ref, io)
                .thenCompose(asked -> ServiceFailures.translated(storage.info(asked.bucket(), asked.key())))
                .thenCompose(info -> {
                    if (info.isEmpty()) {
                        throw new ServiceException(Reason.NOT_FOUND, "no object " + ref.bucket() + "/" + ref.key());
                    }
                    Path target = cachedPath(ref, info.get().etag());
                    return CompletableFuture.supplyAsync(() -> Files.isRegularFile(target), io)
                            .thenCompose(cached -> cached ? CompletableFuture.completedFuture(target)
                                    : download(ref, target));
                });
    }

    private CompletableFuture<Path> download(MediaRef ref, Path target) {
        return CompletableFuture.supplyAsync(() -> partFile(target), io)
                .thenCompose(part -> ServiceFailures.translated(storage.download(ref.bucket(), ref.key(), part))
                        .thenApplyAsync(ignored -> publish(part, target), io)
                        .whenComplete((path, failure) -> {
                            if (failure != null) {
                                deleteQuietly(part);
                            }
                        }));
    }

    /** {@code <root>/<bucket>/<key dir>/<etag>-<file name>}; keys that would leave the cache are refused. */
    Path cachedPath(MediaRef ref, String etag) {
        Path bucketDir = root.resolve(ref.bucket()).normalize();
        Path object = bucketDir.resolve(ref.key()).normalize();
        if (!root.equals(bucketDir.getParent()) || !object.startsWith(bucketDir) || object.equals(bucketDir)) {
            throw new ServiceException(Reason.INVALID, "object key leaves the cache: " + ref.key());
        }
        String version = etag == null ? "" : etag.replaceAll("[^A-Za-z0-9]", "");
        return object.resolveSibling((version.isEmpty() ? "" : version + "-") + object.getFileName());
    }

    private static Path partFile(Path target) {
        try {
            Files.createDirectories(target.getParent());
            return Files.createTempFile(target.getParent(), ".download-", ".part");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a file in the media cache " + target.getParent(), e);
        }
    }

    private static Path publish(Path part, Path target) {
        try {
            return Files.move(part, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot move the downloaded copy to " + target, e);
        }
    }

    private static void deleteQuietly(Path part) {
        try {
            Files.deleteIfExists(part);
        } catch (IOException ignored) {
            // a stray .part file is harmless: it is never read and has a name no lookup produces
        }
    }
}
