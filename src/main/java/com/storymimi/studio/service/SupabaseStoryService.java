package com.storymimi.studio.service;

import com.storymimi.studio.model.MediaRef;
import com.storymimi.studio.model.Page;
import com.storymimi.studio.model.PageRequest;
import com.storymimi.studio.model.SceneDraft;
import com.storymimi.studio.model.StatusCounts;
import com.storymimi.studio.model.Story;
import com.storymimi.studio.model.StoryDetail;
import com.storymimi.studio.model.StoryDraft;
import com.storymimi.studio.model.StoryQuery;
import com.storymimi.studio.model.StoryRow;
import com.storymimi.studio.model.StoryStatus;
import com.storymimi.studio.service.ServiceException.Reason;
import com.storymimi.studio.service.StoryWire.StatusCount;
import com.storymimi.studio.service.StoryWire.StoryWithScenes;
import com.storymimi.studio.supabase.rest.Filter;
import com.storymimi.studio.supabase.rest.PostgrestClient;
import com.storymimi.studio.supabase.rest.Resolution;

import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import static com.storymimi.studio.service.ServiceFailures.translated;

/**
 * {@link StoryService} over PostgREST: reads with embeds, writes with client-made ids, optimistic updates on
 * {@code updated_at}, and the RPC functions of {@code supabase/migrations} for what must be atomic.
 */
public final class SupabaseStoryService implements StoryService {

    static final String TABLE = "stories";
    static final String ID = "story_id";

    private final PostgrestClient rest;
    private final StoryListing listing;
    private final OptimisticWrite<Story> optimistic;
    private final TrashMoves trash;

    public SupabaseStoryService(PostgrestClient rest) {
        this.rest = Objects.requireNonNull(rest, "rest");
        this.listing = new StoryListing(rest);
        this.optimistic = new OptimisticWrite<>(rest, TABLE, ID, Story.class);
        this.trash = new TrashMoves(rest);
    }

    @Override
    public CompletableFuture<Page<StoryRow>> list(StoryQuery query, PageRequest page) {
        return listing.page(query, page);
    }

    @Override
    public CompletableFuture<StatusCounts> statusCounts() {
        return translated(rest.rpc("story_status_counts", Map.of()).list(StatusCount.class)).thenApply(rows -> {
            Map<StoryStatus, Long> counts = new EnumMap<>(StoryStatus.class);
            rows.forEach(row -> counts.put(row.status(), row.count()));
            return new StatusCounts(counts);
        });
    }

    @Override
    public CompletableFuture<List<Story>> recent(int limit) {
        return listing.stories(StoryQuery.all(), requirePositive(limit));
    }

    @Override
    public CompletableFuture<List<Story>> byUser(UUID userId) {
        Objects.requireNonNull(userId, "userId");
        return listing.stories(StoryQuery.all().withUser(userId), Integer.MAX_VALUE);
    }

    @Override
    public CompletableFuture<List<Story>> search(String term, int limit) {
        return listing.stories(StoryQuery.all().withSearch(term), requirePositive(limit));
    }

    @Override
    public CompletableFuture<Optional<StoryDetail>> detail(UUID storyId) {
        return translated(rest.from(TABLE).select(StoryWire.DETAIL_SELECT).filter(Filter.eq(ID, storyId))
                .maybeSingle(StoryWithScenes.class))
                .thenApply(found -> found.map(StoryWithScenes::detail));
    }

    /**
     * The insert ignores a row that exists already under this id (a first attempt whose answer was lost), then
     * the row is read back.
     */
    @Override
    public CompletableFuture<Story> create(StoryDraft draft, UUID storyId) {
        return validated(draft).thenCompose(valid -> {
            Map<String, Object> row = columns(valid);
            row.put(ID, storyId);
            row.put("status", StoryStatus.PENDING);
            return translated(rest.from(TABLE).upsert(row, null, Resolution.IGNORE).returning().list(Story.class))
                    .thenCompose(written -> written.isEmpty() ? read(storyId)
                            : CompletableFuture.completedFuture(written.getFirst()));
        });
    }

    @Override
    public CompletableFuture<StoryDetail> createWithScenes(StoryDraft draft, List<SceneDraft> scenes, UUID storyId) {
        return validated(draft).thenCompose(valid -> {
            requireDistinctSequences(scenes);
            Map<String, Object> story = columns(valid);
            story.put(ID, storyId);
            story.put("status", StoryStatus.PENDING);
            List<Map<String, Object>> sceneRows = scenes.stream().map(scene -> {
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("scene_id", UUID.randomUUID());
                row.put("sequence", scene.sequence());
                row.put("text", scene.text());
                return row;
            }).toList();
            return translated(rest.rpc("create_story_with_scenes", Map.of("story", story, "scenes", sceneRows))
                    .value(StoryWithScenes.class))
                    .thenApply(StoryWithScenes::detail)
                    // The function is one transaction but not idempotent: a duplicate story id after a lost answer
                    // means the first attempt committed, so the stored story is the answer.
                    .exceptionallyCompose(failure -> ServiceFailures.translate(failure).reason() == Reason.DUPLICATE
                            ? detail(storyId).thenApply(found -> found.orElseThrow(() -> ServiceFailures.translate(failure)))
                            : CompletableFuture.failedFuture(ServiceFailures.translate(failure)));
        });
    }

    @Override
    public CompletableFuture<Story> update(Story loaded, StoryDraft changes) {
        return validated(changes).thenCompose(valid ->
                optimistic.patch(loaded.storyId(), loaded.updatedAt(), columns(valid),
                        current -> Objects.equals(current.userId(), valid.userId())
                                && Objects.equals(current.title(), valid.title())
                                && Objects.equals(current.prompt(), valid.prompt())));
    }

    @Override
    public CompletableFuture<Story> updateStatus(Story loaded, StoryStatus status) {
        Objects.requireNonNull(status, "status");
        return optimistic.patch(loaded.storyId(), loaded.updatedAt(), Map.of("status", status),
                current -> current.status() == status);
    }

    @Override
    public CompletableFuture<Void> delete(UUID storyId) {
        return trash.move("story", storyId);
    }

    @Override
    public CompletableFuture<List<Story>> setStatus(List<Story> loaded, StoryStatus status) {
        Objects.requireNonNull(status, "status");
        if (loaded.isEmpty()) {
            return CompletableFuture.completedFuture(List.of());
        }
        Map<String, Object> args = new LinkedHashMap<>();
        args.put("p_story_ids", loaded.stream().map(Story::storyId).toList());
        args.put("p_expected_updated_at", loaded.stream().map(Story::updatedAt).toList());
        args.put("p_status", status);
        return translated(rest.rpc("set_story_status", args).list(Story.class));
    }

    @Override
    public CompletableFuture<Void> deleteAll(List<UUID> storyIds) {
        return storyIds.isEmpty() ? CompletableFuture.completedFuture(null) : trash.moveAll("trash_stories", "p_story_ids", storyIds);
    }

    private CompletableFuture<Story> read(UUID storyId) {
        return translated(rest.from(TABLE).select("*").filter(Filter.eq(ID, storyId)).maybeSingle(Story.class))
                .thenApply(found -> found.orElseThrow(() ->
                        new ServiceException(Reason.NOT_FOUND, "story " + storyId + " vanished right after its create")));
    }

    private static CompletableFuture<StoryDraft> validated(StoryDraft draft) {
        if (!draft.isValid()) {
            return CompletableFuture.failedFuture(
                    new ServiceException(Reason.INVALID, "story draft is invalid: " + draft.problems()));
        }
        return CompletableFuture.completedFuture(draft);
    }

    private static Map<String, Object> columns(StoryDraft draft) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("user_id", draft.userId());
        row.put("title", draft.title());
        row.put("prompt", draft.prompt());
        return row;
    }

    static void requireDistinctSequences(List<SceneDraft> scenes) {
        Set<Integer> seen = new HashSet<>();
        for (SceneDraft scene : scenes) {
            if (!seen.add(scene.sequence())) {
                throw new ServiceException(Reason.INVALID, "two scenes have sequence " + scene.sequence());
            }
        }
    }

    private static int requirePositive(int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be >= 1: " + limit);
        }
        return limit;
    }
}
