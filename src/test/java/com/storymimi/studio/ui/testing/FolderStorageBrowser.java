package com.storymimi.studio.ui.testing;

import com.storymimi.studio.model.FolderPage;
import com.storymimi.studio.model.MediaKind;
import com.storymimi.studio.model.PageRequest;
import com.storymimi.studio.model.StorageBucket;
import com.storymimi.studio.model.StorageEntry;
import com.storymimi.studio.service.MediaChecks;
import com.storymimi.studio.service.ServiceException;
import com.storymimi.studio.service.StorageBrowserService;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.DoubleConsumer;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * A {@link StorageBrowserService} over a local folder laid out as {@code <root>/<bucket>/<key>} (the layout the
 * in-memory media service writes), for ViewModel tests and the demo window. Public URLs are {@code file:} URLs,
 * so images and audio load without a server. With zero latency every future is already complete.
 */
public final class FolderStorageBrowser implements StorageBrowserService {

    private final Path root;
    private final Executor delayed;
    public final List<String> deleted = new CopyOnWriteArrayList<>();
    public final List<String> signed = new CopyOnWriteArrayList<>();
    /** Who listens for uploads stored by a later retry; a test calls them as the status bar's retry would. */
    public final List<Consumer<StorageEntry>> laterUploadListeners = new CopyOnWriteArrayList<>();

    public FolderStorageBrowser(Path root, Duration latency) {
        this.root = root;
        this.delayed = latency.isZero() ? Runnable::run
                : CompletableFuture.delayedExecutor(latency.toMillis(), TimeUnit.MILLISECONDS);
        for (MediaKind kind : MediaKind.values()) {
            run(() -> Files.createDirectories(root.resolve(kind.bucket())));
        }
    }

    /** Writes a file into the bucket directly (test set-up). */
    public void put(String bucket, String key, byte[] content) {
        run(() -> {
            Path target = root.resolve(bucket).resolve(key);
            Files.createDirectories(target.getParent());
            return Files.write(target, content);
        });
    }

    public boolean exists(String bucket, String key) {
        return Files.exists(root.resolve(bucket).resolve(key));
    }

    @Override
    public CompletableFuture<List<StorageBucket>> buckets() {
        return later(() -> {
            try (Stream<Path> dirs = Files.list(root)) {
                return dirs.filter(Files::isDirectory).map(d -> d.getFileName().toString()).sorted()
                        .map(id -> new StorageBucket(id, true, null, Arrays.stream(MediaKind.values())
                                .filter(k -> k.bucket().equals(id)).findFirst().map(MediaKind::mimeTypes)
                                .orElse(List.of())))
                        .toList();
            }
        });
    }

    @Override
    public CompletableFuture<FolderPage> list(String bucket, String folder, PageRequest page) {
        return later(() -> {
            Path dir = root.resolve(bucket).resolve(folder);
            if (!Files.isDirectory(dir)) {
                return new FolderPage(List.of(), page);
            }
            List<StorageEntry> all = new ArrayList<>();
            try (Stream<Path> children = Files.list(dir)) {
                for (Path child : children.sorted(Comparator.comparing(p -> p.getFileName().toString())).toList()) {
                    String name = child.getFileName().toString();
                    String key = folder.isEmpty() ? name : folder + "/" + name;
                    all.add(Files.isDirectory(child) ? StorageEntry.folder(name, key)
                            : new StorageEntry(name, key, false, Files.size(child), typeOf(name),
                            Files.getLastModifiedTime(child).toInstant()));
                }
            }
            int from = Math.min(all.size(), page.offset());
            return new FolderPage(all.subList(from, Math.min(all.size(), from + page.limit())), page);
        });
    }

    @Override
    public CompletableFuture<Void> delete(String bucket, List<String> keys) {
        return later(() -> {
            for (String key : keys) {
                Files.deleteIfExists(root.resolve(bucket).resolve(key));
                deleted.add(bucket + "/" + key);
            }
            return null;
        });
    }

    @Override
    public String publicUrl(String bucket, String key) {
        return root.resolve(bucket).resolve(key).toUri().toString();
    }

    @Override
    public CompletableFuture<String> signedUrl(String bucket, String key, Duration validFor) {
        signed.add(bucket + "/" + key + " for " + validFor);
        return later(() -> publicUrl(bucket, key) + "?token=signed-" + validFor.toSeconds());
    }

    @Override
    public CompletableFuture<Path> download(String bucket, String key, Path target) {
        return later(() -> {
            Files.createDirectories(target.toAbsolutePath().getParent());
            return Files.copy(root.resolve(bucket).resolve(key), target, StandardCopyOption.REPLACE_EXISTING);
        });
    }

    @Override
    public CompletableFuture<StorageEntry> upload(String bucket, String folder, Path file, DoubleConsumer fractionSent) {
        return later(() -> {
            String type = Arrays.stream(MediaKind.values()).filter(k -> k.bucket().equals(bucket)).findFirst()
                    .map(kind -> MediaChecks.inspect(file, kind).contentType()).orElse("application/octet-stream");
            String name = file.getFileName().toString();
            String key = folder.isEmpty() ? name : folder + "/" + name;
            Path target = root.resolve(bucket).resolve(key);
            Files.createDirectories(target.getParent());
            long size = Files.size(file);
            fractionSent.accept(0.5);
            Files.copy(file, target, StandardCopyOption.REPLACE_EXISTING);
            fractionSent.accept(1.0);
            return new StorageEntry(name, key, false, size, type, Files.getLastModifiedTime(target).toInstant());
        });
    }

    private static String typeOf(String name) {
        String lower = name.toLowerCase(java.util.Locale.ROOT);
        if (lower.endsWith(".png")) {
            return "image/png";
        }
        if (lower.endsWith(".jpg") || lower.endsWith(".jpeg")) {
            return "image/jpeg";
        }
        if (lower.endsWith(".mp3")) {
            return "audio/mpeg";
        }
        return lower.endsWith(".wav") ? "audio/wav" : "application/octet-stream";
    }

    @FunctionalInterface
    private interface DiskWork<T> {
        T call() throws IOException;
    }

    private <T> CompletableFuture<T> later(DiskWork<T> work) {
        Supplier<T> unchecked = () -> run(work);
        return CompletableFuture.supplyAsync(unchecked, delayed);
    }

    private static <T> T run(DiskWork<T> work) {
        try {
            return work.call();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (ServiceException e) {
            throw e;
        }
    }

    @Override
    public Runnable onLaterUpload(Consumer<StorageEntry> listener) {
        laterUploadListeners.add(listener);
        return () -> laterUploadListeners.remove(listener);
    }
}
