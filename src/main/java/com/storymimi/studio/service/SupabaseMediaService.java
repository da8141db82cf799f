package com.storymimi.studio.service;

import com.storymimi.studio.model.MediaKind;
import com.storymimi.studio.model.MediaRef;
import com.storymimi.studio.model.Scene;
import com.storymimi.studio.service.ServiceException.Reason;
import com.storymimi.studio.supabase.rest.Filter;
import com.storymimi.studio.supabase.rest.PostgrestClient;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.LongConsumer;
import java.util.function.Predicate;

import static com.storymimi.studio.service.ServiceFailures.translated;

/**
 * {@link MediaService} over {@link ObjectStorage} and the {@code set_scene_media} function, which changes a scene's
 * URL and keeps the one it replaces in the trash in one transaction. An upload and that call cannot share a
 * transaction, so {@link #attach} has exactly one compensating step: when the call fails, the object just uploaded
 * is removed again. Nothing here removes an object a scene named: that happens when the trash is emptied.
 */
public final class SupabaseMediaService implements MediaService {

    private final PostgrestClient rest;
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
        this.rest = Objects.requireNonNull(rest, "rest");
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
        return inspect(file, kind).thenCompose(format -> ServiceFailures.translated(
                        CompletableFuture.supplyAsync(() -> new MediaRef(kind.bucket(),
                                MediaKeys.key(scene.storyId(), scene.sceneId(), MediaKeys.sha256(file), format)), io))
                .thenCompose(target -> ServiceFailures.translated(
                                storage.upload(target.bucket(), target.key(), file, format.contentType(), progress))
                        .thenCompose(uploaded -> linkOrUndo(scene, kind, target))));
    }

    @Override
    public CompletableFuture<Scene> detach(Scene scene, MediaKind kind) {
        if (StoryWire.media(scene, kind).isEmpty()) {
            return CompletableFuture.completedFuture(scene);
        }
        return setUrl(scene, kind, null);
    }

    @Override
    public CompletableFuture<Scene> putBack(Scene scene, MediaKind kind, String url) {
        Objects.requireNonNull(scene, "scene");
        Objects.requireNonNull(kind, "kind");
        if (url == null || holds(kind, url).test(scene)) {
            return setUrl(scene, kind, url);
        }
        return keptByTrash(scene, kind, url).thenCompose(kept -> kept
                ? setUrl(scene, kind, url)
                // Not kept: put back already (a repeat after a lost answer), or deleted for good.
                : setUrl(scene, kind, url, true));
    }

    /** Whether a media trash item of the scene keeps {@code url} as its {@code kind}. */
    private CompletableFuture<Boolean> keptByTrash(Scene scene, MediaKind kind, String url) {
        return translated(rest.from("trash").select(TrashContents.COLUMNS)
                .filter(Filter.eq("kind", kind.name().toLowerCase(Locale.ROOT)))
                .filter(Filter.eq("item_id", scene.sceneId())).list(TrashContents.class))
                .thenApply(kept -> kept.body().stream().anyMatch(item -> item.keeps(kind, url)));
    }

    private CompletableFuture<Scene> setUrl(Scene scene, MediaKind kind, String url) {
        return setUrl(scene, kind, url, false);
    }

    /**
     * set_scene_media, expecting the scene as loaded: the URL it replaces goes to the trash in the same transaction.
     * With {@code onlyIfDone}, nothing is written: the scene must name {@code url} already, else NOT_FOUND.
     */
    private CompletableFuture<Scene> setUrl(Scene scene, MediaKind kind, String url, boolean onlyIfDone) {
        Predicate<Scene> done = holds(kind, url);
        if (onlyIfDone) {
            return translated(rest.from(SupabaseSceneService.TABLE).select("*")
                    .filter(Filter.eq(SupabaseSceneService.ID, scene.sceneId())).maybeSingle(Scene.class))
                    .thenApply(current -> current.filter(done).orElseThrow(() -> new ServiceException(Reason.NOT_FOUND,
                            "the trash does not keep that " + kind.name().toLowerCase(Locale.ROOT) + " any more")));
        }
        Map<String, Object> args = new HashMap<>();
        args.put("p_scene_id", scene.sceneId());
        args.put("p_kind", kind.name().toLowerCase(Locale.ROOT));
        args.put("p_url", url); // null removes it: the codec writes nulls
        args.put("p_expected_updated_at", scene.updatedAt());
        return scenes.call(scene.sceneId(), scene.updatedAt(), rest.rpc("set_scene_media", args).value(Scene.class),
                done);
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
     * uploaded object is removed, once re-reads show that neither the scene (an answer lost after the write went
     * through is success) nor the trash (the same file kept from earlier) names it. When a re-read fails, the object
     * stays: an unused object the integrity doctor finds is better than a scene or trash item pointing at nothing.
     */
    private CompletableFuture<Scene> linkOrUndo(Scene scene, MediaKind kind, MediaRef target) {
        String url = storage.publicUrl(target.bucket(), target.key());
        return setUrl(scene, kind, url).exceptionallyCompose(failure -> {
            ServiceException cause = ServiceFailures.translate(failure);
            return translated(rest.from(SupabaseSceneService.TABLE).select("*")
                    .filter(Filter.eq(SupabaseSceneService.ID, scene.sceneId())).maybeSingle(Scene.class))
                    .thenCompose(current -> current.filter(holds(kind, url)).isPresent()
                            ? CompletableFuture.completedFuture(current.get())
                            : keptByTrash(scene, kind, url).thenCompose(kept -> (kept
                                    ? CompletableFuture.<Void>completedFuture(null)
                                    : removal.removeQuietly(List.of(target)))
                                    .thenCompose(ignored -> CompletableFuture.<Scene>failedFuture(cause))))
                    // The caller hears why the link failed, also when a re-read failed too.
                    .exceptionallyCompose(ignored -> CompletableFuture.failedFuture(cause));
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

}
