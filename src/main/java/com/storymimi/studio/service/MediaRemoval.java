package com.storymimi.studio.service;

import com.storymimi.studio.model.MediaRef;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;

/**
 * Removes Storage objects whose rows are already gone or changed. It runs after the database write has succeeded,
 * so a failure here must not undo or fail that write: it is logged and reported to {@link OrphanedMedia}, and the
 * returned future always completes normally.
 */
public final class MediaRemoval {

    private static final Logger LOG = LoggerFactory.getLogger(MediaRemoval.class);

    private final ObjectStorage storage;
    private final OrphanedMedia orphans;

    public MediaRemoval(ObjectStorage storage, OrphanedMedia orphans) {
        this.storage = Objects.requireNonNull(storage, "storage");
        this.orphans = Objects.requireNonNull(orphans, "orphans");
    }

    /** Removes the objects, one request per bucket; completes when all requests have ended, never exceptionally. */
    public CompletableFuture<Void> removeQuietly(Collection<MediaRef> objects) {
        Map<String, List<String>> keysByBucket = new LinkedHashMap<>();
        objects.forEach(ref -> keysByBucket.computeIfAbsent(ref.bucket(), bucket -> new ArrayList<>()).add(ref.key()));
        CompletableFuture<?>[] removals = keysByBucket.entrySet().stream()
                .map(entry -> removeBucketKeys(entry.getKey(), entry.getValue()))
                .toArray(CompletableFuture[]::new);
        return CompletableFuture.allOf(removals);
    }

    private CompletableFuture<Void> removeBucketKeys(String bucket, List<String> keys) {
        CompletableFuture<Void> removal;
        try {
            removal = storage.remove(bucket, List.copyOf(keys));
        } catch (RuntimeException thrown) {
            removal = CompletableFuture.failedFuture(thrown);
        }
        return removal.handle((ignored, failure) -> {
            if (failure != null) {
                ServiceException cause = ServiceFailures.translate(failure);
                List<MediaRef> left = keys.stream().map(key -> new MediaRef(bucket, key)).toList();
                LOG.warn("could not remove {} object(s) from {}: {} ({})", keys.size(), bucket, keys, cause.getMessage());
                orphans.leftBehind(left, cause);
            }
            return null;
        });
    }
}
