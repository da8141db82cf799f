package com.storymimi.studio.service;

import com.storymimi.studio.model.MediaRef;
import com.storymimi.studio.service.ServiceException.Reason;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongConsumer;

/** Storage in memory, with switches to make uploads or removals fail, and a log of what was asked. */
final class FakeObjectStorage implements ObjectStorage {

    record Stored(byte[] bytes, String contentType) {
    }

    static final String BASE = "http://storage.test";

    final Map<MediaRef, Stored> objects = new ConcurrentHashMap<>();
    final List<String> calls = new ArrayList<>();
    volatile boolean failUploads;
    volatile boolean failRemovals;
    volatile int downloads;

    @Override
    public synchronized CompletableFuture<Void> upload(String bucket, String key, Path file, String contentType,
                                                      LongConsumer bytesSent) {
        calls.add("upload " + bucket + "/" + key);
        if (failUploads) {
            return CompletableFuture.failedFuture(new ServiceException(Reason.UNAVAILABLE, "upload refused by the fake"));
        }
        try {
            byte[] bytes = Files.readAllBytes(file);
            bytesSent.accept(bytes.length / 2);
            bytesSent.accept(bytes.length);
            objects.put(new MediaRef(bucket, key), new Stored(bytes, contentType));
            return CompletableFuture.completedFuture(null);
        } catch (IOException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    @Override
    public synchronized CompletableFuture<Void> remove(String bucket, List<String> keys) {
        calls.add("remove " + bucket + " " + keys);
        if (failRemovals) {
            return CompletableFuture.failedFuture(new ServiceException(Reason.UNAVAILABLE, "remove refused by the fake"));
        }
        keys.forEach(key -> objects.remove(new MediaRef(bucket, key)));
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public CompletableFuture<Optional<ObjectInfo>> info(String bucket, String key) {
        Stored stored = objects.get(new MediaRef(bucket, key));
        return CompletableFuture.completedFuture(Optional.ofNullable(stored)
                .map(found -> new ObjectInfo(found.bytes().length, "\"" + md5(found.bytes()) + "\"")));
    }

    @Override
    public CompletableFuture<Void> download(String bucket, String key, Path target) {
        downloads++;
        Stored stored = objects.get(new MediaRef(bucket, key));
        if (stored == null) {
            return CompletableFuture.failedFuture(new ServiceException(Reason.NOT_FOUND, "no object " + key));
        }
        try {
            Files.write(target, stored.bytes());
            return CompletableFuture.completedFuture(null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public String publicUrl(String bucket, String key) {
        return BASE + "/storage/v1/object/public/" + bucket + "/" + key;
    }

    void put(MediaRef ref, byte[] bytes) {
        objects.put(ref, new Stored(bytes, "application/octet-stream"));
    }

    private static String md5(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
