package com.storymimi.studio.supabase.storage;

import com.google.gson.JsonObject;
import com.google.gson.reflect.TypeToken;
import com.storymimi.studio.supabase.error.StorageException;
import com.storymimi.studio.supabase.error.SupabaseException;
import com.storymimi.studio.supabase.http.ApiRequest;
import com.storymimi.studio.supabase.http.ApiResponse;
import com.storymimi.studio.supabase.http.RequestBody;

import java.io.IOException;
import java.net.URI;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;

/**
 * The objects of one bucket ({@code client.storage().from("story-images")}): upload, download, list, remove,
 * move, copy, public and signed URLs. Keys are checked and encoded by {@link ObjectKeys} before any request.
 * Every call returns a future; cancelling it aborts the HTTP exchange.
 */
public final class StorageFiles {

    /** Files above this size go up through TUS in chunks of exactly this size (protocol doc B10). */
    public static final long RESUMABLE_THRESHOLD = ResumableUploads.CHUNK_SIZE;
    /** The most names one remove request carries. */
    static final int REMOVE_BATCH = 1000;
    private static final Duration UPLOAD_TIMEOUT = Duration.ofMinutes(5);

    private final StorageCalls calls;
    private final String bucket;
    private final ResumableUploads resumable;
    private final SignedUrls signed;

    StorageFiles(StorageCalls calls, String bucket, ResumableUploads resumable) {
        this.calls = calls;
        this.bucket = ObjectKeys.requireValidBucket(bucket);
        this.resumable = resumable;
        this.signed = new SignedUrls(calls, bucket);
    }

    public String bucket() {
        return bucket;
    }

    /**
     * Uploads {@code file} as {@code key}: files up to {@link #RESUMABLE_THRESHOLD} in one streamed
     * {@code POST /object/{bucket}/{key}}, larger ones through a {@link ResumableUpload}. A missing file fails
     * the future with an {@link IllegalArgumentException}.
     */
    public CompletableFuture<ObjectRef> upload(String key, Path file, UploadOptions options) {
        ObjectKeys.requireValidKey(key);
        Objects.requireNonNull(options, "options");
        return StorageCalls.afterDisk(() -> UploadSource.of(file, options), source ->
                source.size() > RESUMABLE_THRESHOLD
                        ? resumable.prepare(bucket, key, source, options).start()
                        : send("POST", key, source, options));
    }

    /** Replaces the object ({@code PUT}, which also creates it); always a single streamed request. */
    public CompletableFuture<ObjectRef> update(String key, Path file, UploadOptions options) {
        ObjectKeys.requireValidKey(key);
        Objects.requireNonNull(options, "options");
        return StorageCalls.afterDisk(() -> UploadSource.of(file, options), source -> send("PUT", key, source, options));
    }

    private CompletableFuture<ObjectRef> send(String method, String key, UploadSource source, UploadOptions options) {
        ProgressMeter meter = new ProgressMeter(source.size(), options.onProgress(), System::nanoTime);
        ApiRequest request = StorageCalls.request(method, "/object/" + ObjectKeys.encodePath(bucket, key))
                .withHeader("Content-Type", source.contentType())
                .withHeader("Cache-Control", options.cacheControlHeader())
                .withHeader("x-upsert", Boolean.toString(options.upsert()))
                .withTimeout(UPLOAD_TIMEOUT)
                .withBody(RequestBody.ofFile(source.file(), (sent, total) -> meter.update(sent)));
        return calls.call(request, response -> objectRef(response, key));
    }

    /** Streams the object to a temp file beside {@code target}, then moves it over {@code target} atomically. */
    public CompletableFuture<Path> download(String key, Path target) {
        String path = "/object/" + ObjectKeys.encodePath(bucket, key);
        Path dir = target.toAbsolutePath().getParent();
        return StorageCalls.afterDisk(
                () -> Files.createTempFile(dir, "." + target.getFileName(), ".part"),
                temp -> {
                    CompletableFuture<Path> moved = calls.call(
                            StorageCalls.request("GET", path).withResponseFile(temp).withTimeout(UPLOAD_TIMEOUT),
                            response -> moveIntoPlace(temp, target));
                    moved.whenComplete((done, failure) -> {
                        if (failure != null) {
                            deleteQuietly(temp);
                        }
                    });
                    return moved;
                });
    }

    /** The whole object in memory; for small files (thumbnails, short clips). */
    public CompletableFuture<byte[]> downloadBytes(String key) {
        return calls.call(StorageCalls.request("GET", "/object/" + ObjectKeys.encodePath(bucket, key)),
                ApiResponse::body);
    }

    /** {@code GET /object/info/{bucket}/{key}}. */
    public CompletableFuture<ObjectInfo> info(String key) {
        return calls.call(StorageCalls.request("GET", "/object/info/" + ObjectKeys.encodePath(bucket, key)),
                ObjectInfo.class);
    }

    /** {@code HEAD} on the object: false on 400 or 404 (what a missing object answers), other errors fail. */
    public CompletableFuture<Boolean> exists(String key) {
        ApiRequest head = StorageCalls.request("HEAD", "/object/" + ObjectKeys.encodePath(bucket, key));
        return calls.call(head, response -> true).exceptionally(failure -> {
            SupabaseException error = SupabaseException.unwrap(failure).orElse(null);
            if (error instanceof StorageException && (error.status() == 400 || error.status() == 404)) {
                return false;
            }
            throw failure instanceof RuntimeException runtime ? runtime : new IllegalStateException(failure);
        });
    }

    /** One folder level under {@code prefix} ("" for the root); folders have a null id. */
    public CompletableFuture<List<StorageObject>> list(String prefix, ListOptions options) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("prefix", prefix == null ? "" : prefix);
        body.put("limit", options.limit());
        body.put("offset", options.offset());
        body.put("sortBy", Map.of("column", options.sortBy().column(), "order", options.sortBy().order()));
        body.put("search", options.search());
        // a POST that only reads: safe to retry
        ApiRequest request = calls.json("POST", "/object/list/" + encodedBucket(), body).idempotent();
        return calls.call(request, new TypeToken<List<StorageObject>>() { }.getType());
    }

    /**
     * Removes the objects named (exact keys, no recursion), in requests of at most 1000 names; names that do
     * not exist are skipped by the server. Answers the removed objects.
     */
    public CompletableFuture<List<StorageObject>> remove(List<String> keys) {
        List<String> checked = keys.stream().map(ObjectKeys::requireValidKey).toList();
        CompletableFuture<List<StorageObject>> all = CompletableFuture.completedFuture(new ArrayList<>());
        for (int from = 0; from < checked.size(); from += REMOVE_BATCH) {
            List<String> batch = checked.subList(from, Math.min(checked.size(), from + REMOVE_BATCH));
            ApiRequest request = calls.json("DELETE", "/object/" + encodedBucket(), Map.of("prefixes", batch));
            all = all.thenCompose(removed -> calls.<List<StorageObject>>call(request,
                    new TypeToken<List<StorageObject>>() { }.getType()).thenApply(more -> {
                        removed.addAll(more);
                        return removed;
                    }));
        }
        return all.thenApply(List::copyOf);
    }

    /** {@code POST /object/move} within this bucket. */
    public CompletableFuture<Void> move(String fromKey, String toKey) {
        return calls.call(calls.json("POST", "/object/move", transfer(fromKey, toKey)), response -> null);
    }

    /** {@code POST /object/copy} within this bucket; answers where the copy is. */
    public CompletableFuture<ObjectRef> copy(String fromKey, String toKey) {
        return calls.call(calls.json("POST", "/object/copy", transfer(fromKey, toKey)),
                response -> objectRef(response, toKey));
    }

    /** {@code {base}/storage/v1/object/public/{bucket}/{key}}, built locally; works for public buckets only. */
    public URI publicUrl(String key) {
        return calls.absolute("/object/public/" + ObjectKeys.encodePath(bucket, key));
    }

    /** An absolute URL that downloads the object without a session until {@code expiresIn} has passed. */
    public CompletableFuture<URI> createSignedUrl(String key, Duration expiresIn) {
        return signed.createSignedUrl(key, expiresIn);
    }

    /** Signed URLs for several keys in one request; missing objects come back with an error instead. */
    public CompletableFuture<List<SignedUrl>> createSignedUrls(List<String> keys, Duration expiresIn) {
        return signed.createSignedUrls(keys, expiresIn);
    }

    /** A token that lets {@link #uploadToSignedUrl} (or anyone holding it) upload {@code key} once. */
    public CompletableFuture<SignedUploadUrl> createSignedUploadUrl(String key, boolean upsert) {
        return signed.createSignedUploadUrl(key, upsert);
    }

    /** Uploads {@code file} with a signed upload URL ({@code PUT …?token=}), no session needed. */
    public CompletableFuture<ObjectRef> uploadToSignedUrl(SignedUploadUrl url, Path file, UploadOptions options) {
        return StorageCalls.afterDisk(() -> UploadSource.of(file, options),
                source -> signed.uploadToSignedUrl(url, source, options));
    }

    private String encodedBucket() {
        return com.storymimi.studio.supabase.http.QueryString.encode(bucket);
    }

    private Map<String, String> transfer(String fromKey, String toKey) {
        Map<String, String> body = new LinkedHashMap<>();
        body.put("bucketId", bucket);
        body.put("sourceKey", ObjectKeys.requireValidKey(fromKey));
        body.put("destinationKey", ObjectKeys.requireValidKey(toKey));
        return body;
    }

    ObjectRef objectRef(ApiResponse response, String key) {
        JsonObject json = calls.decode(response, JsonObject.class);
        String id = json.has("Id") && !json.get("Id").isJsonNull() ? json.get("Id").getAsString() : null;
        String fullPath = json.has("Key") && !json.get("Key").isJsonNull()
                ? json.get("Key").getAsString() : bucket + "/" + key;
        return new ObjectRef(id, key, fullPath);
    }

    private static Path moveIntoPlace(Path temp, Path target) {
        try {
            try {
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
            }
            return target;
        } catch (IOException e) {
            throw new java.io.UncheckedIOException("The download could not be moved to " + target, e);
        }
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException ignored) {
            // a stray .part file is harmless; the failure that matters is already reported
        }
    }
}
