package com.storymimi.studio.service;

import com.storymimi.studio.model.FolderPage;
import com.storymimi.studio.model.PageRequest;
import com.storymimi.studio.model.StorageBucket;
import com.storymimi.studio.model.StorageEntry;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import java.util.function.DoubleConsumer;

/**
 * Browsing Supabase Storage as folders: the Storage section's service. Folders are key prefixes ending in "/";
 * {@code folder} arguments are "" for a bucket's root and "a/b" (no slashes around) below it. Failures complete
 * the futures with a {@link ServiceException} whose message is one sentence.
 */
public interface StorageBrowserService {

    CompletableFuture<List<StorageBucket>> buckets();

    /** One page of one folder level: sub-folders and files, server-paged by limit and offset. */
    CompletableFuture<FolderPage> list(String bucket, String folder, PageRequest page);

    /** Removes these files (exact keys); keys that do not exist are skipped. */
    CompletableFuture<Void> delete(String bucket, List<String> keys);

    /** {@code {base}/storage/v1/object/public/<bucket>/<key>}; works only for public buckets. No request. */
    String publicUrl(String bucket, String key);

    /** A URL that downloads the object without a session until {@code validFor} has passed. */
    CompletableFuture<String> signedUrl(String bucket, String key, Duration validFor);

    /** Writes the object to {@code target} (parent folders created, an existing file replaced). */
    CompletableFuture<Path> download(String bucket, String key, Path target);

    /**
     * Uploads {@code file} into {@code folder} under its own name, replacing an object of that name. The content
     * type comes from the file's first bytes; a type or size the bucket does not take is refused with INVALID
     * before anything is sent. {@code fractionSent} receives how much is sent (0 to 1),
     * on a background thread.
     */
    CompletableFuture<StorageEntry> upload(String bucket, String folder, Path file, DoubleConsumer fractionSent);

    /**
     * Tells {@code listener} of objects an upload stored after its caller had been told it failed: an upload
     * retried later (from the status bar's queue). A service that never retries on its own never calls it.
     * Returns what to run to stop listening.
     */
    default Runnable onLaterUpload(Consumer<StorageEntry> listener) {
        return () -> { };
    }
}
