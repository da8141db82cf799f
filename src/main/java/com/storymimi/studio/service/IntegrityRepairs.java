package com.storymimi.studio.service;

import com.storymimi.studio.model.IntegrityFix;
import com.storymimi.studio.model.MediaKind;
import com.storymimi.studio.model.MediaRef;
import com.storymimi.studio.service.ServiceException.Reason;
import com.storymimi.studio.service.StoryWire.SceneMedia;
import com.storymimi.studio.supabase.rest.Filter;
import com.storymimi.studio.supabase.rest.PostgrestClient;
import com.storymimi.studio.supabase.storage.StorageClient;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import static com.storymimi.studio.service.ServiceFailures.translated;

/**
 * Applies the fixes the doctor proposes. Each is guarded against changes since the scan: a URL is cleared only
 * while the scene still holds it, an object is deleted only while no scene of its story uses it, and a renumbering
 * reads the scenes again and keeps the order they have now.
 */
final class IntegrityRepairs {

    private final PostgrestClient rest;
    private final StorageClient storage;

    IntegrityRepairs(PostgrestClient rest, StorageClient storage) {
        this.rest = rest;
        this.storage = storage;
    }

    CompletableFuture<Void> apply(IntegrityFix fix) {
        return switch (fix) {
            case IntegrityFix.ClearUrl clear -> clearUrl(clear.sceneId(), clear.kind(), clear.url());
            case IntegrityFix.DeleteObject delete -> requireUnused(delete.object())
                    .thenCompose(unused -> remove(delete.object()));
            case IntegrityFix.Renumber renumber -> renumber(renumber.storyId());
            case IntegrityFix.RemoveObjectAndClearUrl both -> clearUrl(both.sceneId(), both.kind(), both.url())
                    .thenCompose(cleared -> remove(both.object()));
            case IntegrityFix.ReportOnly none -> CompletableFuture.failedFuture(
                    new ServiceException(Reason.INVALID, "this finding has no automatic fix"));
        };
    }

    private CompletableFuture<Void> clearUrl(UUID sceneId, MediaKind kind, String url) {
        Map<String, Object> change = new HashMap<>();
        change.put(StoryWire.column(kind), null);
        return translated(rest.from(SupabaseSceneService.TABLE).update(change)
                .filter(Filter.eq(SupabaseSceneService.ID, sceneId))
                .filter(Filter.eq(StoryWire.column(kind), url))
                // the changed ids rather than affectedRows(): the sandbox answers a PATCH that matched nothing
                // with Content-Range */* instead of */0, so a count cannot be read there
                .returning(SupabaseSceneService.ID).list(StoryWire.SceneId.class))
                .thenAccept(changed -> {
                    if (changed.isEmpty()) {
                        throw new ServiceException(Reason.CONFLICT, "scene " + sceneId
                                + " no longer has that " + StoryWire.column(kind) + " (or is gone); scan again");
                    }
                });
    }

    /**
     * The app writes a scene's media under its own story's folder, so the scenes of that story are the ones that
     * could have started to use the object since the scan. Objects outside a story folder are not re-checked.
     */
    private CompletableFuture<Void> requireUnused(MediaRef object) {
        int slash = object.key().indexOf('/');
        UUID story = slash < 0 ? null : IntegrityScan.parseUuid(object.key().substring(0, slash));
        if (story == null) {
            return CompletableFuture.completedFuture(null);
        }
        return translated(rest.from(SupabaseSceneService.TABLE).select(StoryWire.MEDIA_SELECT)
                .filter(Filter.eq("story_id", story)).list(SceneMedia.class))
                .thenAccept(result -> {
                    if (result.body().stream().anyMatch(scene -> scene.refs().contains(object))) {
                        throw new ServiceException(Reason.CONFLICT, object.bucket() + "/" + object.key()
                                + " is used by a scene again; it was not deleted");
                    }
                });
    }

    private CompletableFuture<Void> remove(MediaRef object) {
        return translated(storage.from(object.bucket()).remove(List.of(object.key()))).thenApply(removed -> null);
    }

    private CompletableFuture<Void> renumber(UUID storyId) {
        return translated(ScenePages.ordered(rest.from(SupabaseSceneService.TABLE).select(SceneLinks.COLUMNS)
                        .filter(Filter.eq("story_id", storyId))).list(SceneLinks.class))
                .thenCompose(result -> {
                    List<SceneLinks> scenes = result.body();
                    if (SequenceCheck.check(scenes).isEmpty()) {
                        return CompletableFuture.completedFuture(null); // fixed meanwhile, or no scenes left
                    }
                    Map<String, Object> args = new LinkedHashMap<>();
                    args.put("p_story_id", storyId);
                    args.put("p_scene_ids", scenes.stream().map(SceneLinks::sceneId).toList());
                    return translated(rest.rpc("reorder_scenes", args).execute());
                });
    }
}
