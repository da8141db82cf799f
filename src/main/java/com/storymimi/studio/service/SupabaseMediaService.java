package com.storymimi.studio.service;

import com.storymimi.studio.model.MediaKind;
import com.storymimi.studio.model.MediaRef;
import com.storymimi.studio.model.Scene;
import com.storymimi.studio.service.ServiceException.Reason;
import com.storymimi.studio.supabase.rest.PostgrestClient;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.LongConsumer;
import java.util.function.Predicate;

/**
 * {@link MediaService} over {@link ObjectStorage} and the scenes table. An upload and a row update cannot share a
 * transaction, so {@link #attach} has exactly one compensating step: when the row update fails, the object just
 * uploaded is removed again.
 */
public final class SupabaseMediaService implements MediaService {

    private final ObjectStorage storage;
    private final OptimisticWrite<Scene> scenes;
    private final MediaRemoval removal;
    private final MediaCache cache;
    private final Executor io;

    /**
     * @param cacheDir where {@link #localCopy} keeps downloaded media (created when needed)
     * @param io       runs the blocking file work (magic-byte checks, cache directories), never the FX thread
     */
    public SupabaseMediaService(PostgrestClient rest, ObjectStorage storage, OrphanedMedia orphans, Path cacheDir,
                                Executor io) {
        this.storage = Objects.requireNonNull(storage, "storage");
        this.scenes = new OptimisticWrite<>(rest, SupabaseSceneService.TABLE, SupabaseSceneService.ID, Scene.class);
        this.removal = new MediaRemoval(storage, orphans);
        this.cache = new MediaCache(storage, cacheDir, io);
        this.io = Objects.requireNonNull(io, "io");
    }

    @Override
    public CompletableFuture<Void> check(Path file, MediaKind kind) {
        return inspect(file, kind).thenApply(format -> null);
    }

    @Override
    public CompletableFuture<Scene> attach(Scene scene, MediaKind kind, Path file, LongConsumer bytesSent) {
        Objects.requireNonNull(scene, "scene");
        LongConsumer progress = bytesSent == null ? sent -> { } : bytesSent;
        return inspect(file, kind).thenCompose(format -> {
            MediaRef target = new MediaRef(kind.bucket(), scene.storyId() + "/" + scene.sceneId() + "." + format.extension());
            Optional<MediaRef> previous = StoryWire.media(scene, kind);
            return ServiceFailures.translated(
                            storage.upload(target.bucket(), target.key(), file, format.contentType(), progress))
                    .thenCompose(uploaded -> linkOrUndo(scene, kind, target, previous))
                    .thenCompose(linked -> previous.filter(old -> !old.equals(target))
                            .map(old -> removal.removeQuietly(List.of(old)).thenApply(ignored -> linked))
                            .orElseGet(() -> CompletableFuture.completedFuture(linked)));
        });
    }

    @Override
    public CompletableFuture<Scene> detach(Scene scene, MediaKind kind) {
        Optional<MediaRef> current = StoryWire.media(scene, kind);
        if (current.isEmpty()) {
            return CompletableFuture.completedFuture(scene);
        }
        return scenes.patch(scene.sceneId(), scene.updatedAt(), url(kind, null), holds(kind, null))
                .thenCompose(cleared -> removal.removeQuietly(List.of(current.get())).thenApply(ignored -> cleared));
    }

    @Override
    public CompletableFuture<Path> localCopy(Scene scene, MediaKind kind) {
        return StoryWire.media(scene, kind)
                .map(cache::copyOf)
                .orElseGet(() -> CompletableFuture.failedFuture(new ServiceException(Reason.NOT_FOUND,
                        "scene " + scene.sceneId() + " has no " + kind.name().toLowerCase(Locale.ROOT))));
    }

    /**
     * Points the scene at the uploaded object. If that fails (conflict, gone, offline), the compensating step: the
     * uploaded object is removed, unless it replaced the very object the row still names (same key), which must stay.
     */
    private CompletableFuture<Scene> linkOrUndo(Scene scene, MediaKind kind, MediaRef target, Optional<MediaRef> previous) {
        String publicUrl = storage.publicUrl(target.bucket(), target.key());
        return scenes.patch(scene.sceneId(), scene.updatedAt(), url(kind, publicUrl), holds(kind, publicUrl))
                .exceptionallyCompose(failure -> {
                    ServiceException cause = ServiceFailures.translate(failure);
                    CompletableFuture<Void> undo = previous.filter(target::equals).isPresent()
                            ? CompletableFuture.completedFuture(null)
                            : removal.removeQuietly(List.of(target));
                    return undo.thenCompose(ignored -> CompletableFuture.<Scene>failedFuture(cause));
                });
    }

    private CompletableFuture<MediaFormat> inspect(Path file, MediaKind kind) {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(kind, "kind");
        return ServiceFailures.translated(CompletableFuture.supplyAsync(() -> MediaChecks.inspect(file, kind), io));
    }

    /** Whether a scene already names {@code value} for {@code kind} (a repeated link or unlink is done). */
    private static Predicate<Scene> holds(MediaKind kind, String value) {
        return current -> Objects.equals(kind == MediaKind.IMAGE ? current.imageUrl() : current.audioUrl(), value);
    }

    private static Map<String, Object> url(MediaKind kind, String value) {
        Map<String, Object> change = new HashMap<>();
        change.put(StoryWire.column(kind), value); // null clears the column: the codec writes nulls
        return change;
    }
}
