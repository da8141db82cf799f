package com.storymimi.studio.service;

import com.storymimi.studio.model.Scene;
import com.storymimi.studio.model.SceneDraft;
import com.storymimi.studio.service.ServiceException.Reason;
import com.storymimi.studio.supabase.rest.Filter;
import com.storymimi.studio.supabase.rest.Order;
import com.storymimi.studio.supabase.rest.PostgrestClient;
import com.storymimi.studio.supabase.rest.Resolution;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import static com.storymimi.studio.service.ServiceFailures.translated;

/**
 * {@link SceneService} over PostgREST. Scene ids are made here, so a retried create never duplicates; reordering
 * is the {@code reorder_scenes} function and deleting is {@code trash_scene} (one transaction each, the latter
 * closing the gap it leaves).
 */
public final class SupabaseSceneService implements SceneService {

    static final String TABLE = "scenes";
    static final String ID = "scene_id";

    private final PostgrestClient rest;
    private final OptimisticWrite<Scene> optimistic;
    private final TrashMoves trash;

    public SupabaseSceneService(PostgrestClient rest) {
        this.rest = Objects.requireNonNull(rest, "rest");
        this.optimistic = new OptimisticWrite<>(rest, TABLE, ID, Scene.class);
        this.trash = new TrashMoves(rest);
    }

    @Override
    public CompletableFuture<List<Scene>> list(UUID storyId) {
        Objects.requireNonNull(storyId, "storyId");
        return translated(rest.from(TABLE).select("*").filter(Filter.eq("story_id", storyId))
                .order(Order.asc("sequence")).list(Scene.class)).thenApply(result -> result.body());
    }

    @Override
    public CompletableFuture<Scene> create(UUID storyId, SceneDraft draft) {
        return createAll(storyId, List.of(draft), List.of(UUID.randomUUID())).thenApply(List::getFirst);
    }

    @Override
    public CompletableFuture<List<Scene>> createAll(UUID storyId, List<SceneDraft> drafts) {
        return createAll(storyId, drafts, drafts.stream().map(draft -> UUID.randomUUID()).toList());
    }

    /**
     * The bulk insert with caller-chosen ids: the retry seam. Rows that exist already under their id (a first
     * attempt whose answer was lost) are left alone and read back, so the result is the same either way.
     */
    CompletableFuture<List<Scene>> createAll(UUID storyId, List<SceneDraft> drafts, List<UUID> sceneIds) {
        Objects.requireNonNull(storyId, "storyId");
        if (drafts.isEmpty()) {
            return CompletableFuture.completedFuture(List.of());
        }
        SupabaseStoryService.requireDistinctSequences(drafts);
        List<Map<String, Object>> rows = new ArrayList<>(drafts.size());
        for (int i = 0; i < drafts.size(); i++) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put(ID, sceneIds.get(i));
            row.put("story_id", storyId);
            row.put("sequence", drafts.get(i).sequence());
            row.put("text", drafts.get(i).text());
            rows.add(row);
        }
        return translated(rest.from(TABLE).upsert(rows, null, Resolution.IGNORE).returning().list(Scene.class))
                .thenCompose(written -> written.size() == rows.size()
                        ? CompletableFuture.completedFuture(bySequence(written))
                        : translated(rest.from(TABLE).select("*").filter(Filter.in(ID, sceneIds))
                                .order(Order.asc("sequence")).list(Scene.class)).thenApply(result -> result.body()));
    }

    @Override
    public CompletableFuture<Scene> updateText(Scene loaded, String text) {
        String wanted = text == null ? "" : text;
        return optimistic.patch(loaded.sceneId(), loaded.updatedAt(), Map.of("text", wanted),
                current -> wanted.equals(current.text()));
    }

    @Override
    public CompletableFuture<List<Scene>> delete(Scene scene) {
        // trash_scene closes the gap in the same transaction.
        return trash.move("scene", scene.sceneId()).thenCompose(done -> list(scene.storyId()));
    }

    @Override
    public CompletableFuture<List<Scene>> reorder(UUID storyId, List<UUID> sceneIdsInOrder) {
        return reorder(storyId, null, sceneIdsInOrder);
    }

    @Override
    public CompletableFuture<List<Scene>> reorder(UUID storyId, List<UUID> expectedOrder, List<UUID> sceneIdsInOrder) {
        Objects.requireNonNull(storyId, "storyId");
        if (sceneIdsInOrder.stream().anyMatch(Objects::isNull)
                || new HashSet<>(sceneIdsInOrder).size() != sceneIdsInOrder.size()) {
            return CompletableFuture.failedFuture(new ServiceException(Reason.INVALID,
                    "a scene order must name each scene once: " + sceneIdsInOrder));
        }
        Map<String, Object> args = new LinkedHashMap<>();
        args.put("p_story_id", storyId);
        args.put("p_scene_ids", sceneIdsInOrder);
        if (expectedOrder != null) {
            args.put("p_expected_ids", expectedOrder);
        }
        return translated(rest.rpc("reorder_scenes", args).list(Scene.class));
    }

    private static List<Scene> bySequence(List<Scene> scenes) {
        return scenes.stream().sorted(Comparator.comparingInt(Scene::sequence)).toList();
    }

    private static ServiceException notFound(UUID sceneId) {
        return new ServiceException(Reason.NOT_FOUND, "no scene " + sceneId);
    }
}
