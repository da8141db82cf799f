package com.storymimi.studio.service;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.LongConsumer;

/**
 * What the media services need from Supabase Storage, and nothing more. The app implements it over the Storage
 * client ({@code client.storage()}); tests use an in-memory fake. Failures complete the futures with the client's
 * {@code StorageException}/{@code TransportException} (or a {@link ServiceException}); the services translate them.
 */
public interface ObjectStorage {

    /** Size and entity tag of a stored object; the ETag changes whenever the content does. */
    record ObjectInfo(long size, String etag) {
    }

    /**
     * Uploads {@code file} to {@code bucket/key}, replacing an existing object ({@code x-upsert: true}), with
     * {@code contentType}. {@code bytesSent} receives the running total of bytes sent.
     */
    CompletableFuture<Void> upload(String bucket, String key, Path file, String contentType, LongConsumer bytesSent);

    /** Removes the objects; keys that do not exist are ignored (as Storage's batch remove does). */
    CompletableFuture<Void> remove(String bucket, List<String> keys);

    /** Size and ETag of the object, or empty when it does not exist. */
    CompletableFuture<Optional<ObjectInfo>> info(String bucket, String key);

    /** Writes the object's bytes to {@code target} (created or replaced). */
    CompletableFuture<Void> download(String bucket, String key, Path target);

    /** The public URL scenes store: {@code {base}/storage/v1/object/public/<bucket>/<key>}. No request. */
    String publicUrl(String bucket, String key);
}
