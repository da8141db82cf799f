package com.storymimi.studio.supabase.storage;

import com.google.gson.reflect.TypeToken;
import com.storymimi.studio.supabase.http.ApiRequest;
import com.storymimi.studio.supabase.http.HttpPipeline;
import com.storymimi.studio.supabase.http.JsonCodec;
import com.storymimi.studio.supabase.http.QueryString;

import java.net.URI;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * Supabase Storage ({@code /storage/v1}): buckets here, a bucket's objects through {@link #from}, resumable
 * uploads through {@link #resumable}. All requests go through the client's one pipeline.
 */
public final class StorageClient {

    private final StorageCalls calls;
    private final HttpPipeline pipeline;
    private final ResumableUploads resumable;

    /** @param resumableStateDir where resumable uploads keep their state across restarts; null keeps it in memory */
    public StorageClient(HttpPipeline pipeline, JsonCodec codec, URI projectUrl, Path resumableStateDir) {
        this.pipeline = pipeline;
        this.calls = new StorageCalls(pipeline, codec, projectUrl);
        this.resumable = new ResumableUploads(pipeline, codec, resumableStateDir);
    }

    /** The objects of {@code bucket}, e.g. {@code from("story-images")}. */
    public StorageFiles from(String bucket) {
        return new StorageFiles(calls, bucket, resumable);
    }

    /** Resumable (TUS) uploads, with state in the directory this client was built with. */
    public ResumableUploads resumable() {
        return resumable;
    }

    /** Resumable uploads whose state survives restarts in {@code stateDir} (created 0700 if missing). */
    public ResumableUploads resumable(Path stateDir) {
        return new ResumableUploads(pipeline, calls.codec(), stateDir);
    }

    /** {@code GET /bucket}. */
    public CompletableFuture<List<Bucket>> listBuckets() {
        return calls.call(StorageCalls.request("GET", "/bucket"), new TypeToken<List<Bucket>>() { }.getType());
    }

    /** {@code GET /bucket/{id}}; a missing bucket fails with statusCode "404" NoSuchBucket. */
    public CompletableFuture<Bucket> getBucket(String id) {
        return calls.call(StorageCalls.request("GET", "/bucket/" + encoded(id)), Bucket.class);
    }

    /** {@code POST /bucket}; an existing one fails with statusCode "409". */
    public CompletableFuture<Void> createBucket(String id, BucketOptions options) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", ObjectKeys.requireValidBucket(id));
        body.put("name", id);
        body.putAll(settings(options));
        return calls.call(calls.json("POST", "/bucket", body), response -> null);
    }

    /** {@code PUT /bucket/{id}} with all three settings. */
    public CompletableFuture<Void> updateBucket(String id, BucketOptions options) {
        return calls.call(calls.json("PUT", "/bucket/" + encoded(id), settings(options)), response -> null);
    }

    /** {@code POST /bucket/{id}/empty}; the server deletes the objects asynchronously (service role only). */
    public CompletableFuture<Void> emptyBucket(String id) {
        ApiRequest request = StorageCalls.request("POST", "/bucket/" + encoded(id) + "/empty");
        return calls.call(request, response -> null);
    }

    /** {@code DELETE /bucket/{id}}; a bucket with objects fails with statusCode "409" ResourceNotEmpty. */
    public CompletableFuture<Void> deleteBucket(String id) {
        return calls.call(StorageCalls.request("DELETE", "/bucket/" + encoded(id)), response -> null);
    }

    private static Map<String, Object> settings(BucketOptions options) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("public", options.isPublic());
        body.put("file_size_limit", options.fileSizeLimit());
        body.put("allowed_mime_types", options.allowedMimeTypes());
        return body;
    }

    private static String encoded(String id) {
        return QueryString.encode(ObjectKeys.requireValidBucket(id));
    }
}
