package com.storymimi.studio.service;

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

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

/**
 * Stories as editors manage them. Async; failures are {@link ServiceException}s. Updates are optimistic: they
 * carry the story as it was loaded and fail with {@link ServiceException.Reason#CONFLICT} (nothing written)
 * when the row changed on the server since.
 */
public interface StoryService {

    /** One page of the stories table with the exact total for the query. */
    CompletableFuture<Page<StoryRow>> list(StoryQuery query, PageRequest page);

    CompletableFuture<StatusCounts> statusCounts();

    /** The newest {@code limit} stories. */
    CompletableFuture<List<Story>> recent(int limit);

    /** A user's stories, newest first. */
    CompletableFuture<List<Story>> byUser(UUID userId);

    /** Case-insensitive substring search in title and prompt; the term is taken literally. */
    CompletableFuture<List<Story>> search(String term, int limit);

    /** The story with its scenes ordered by sequence, in one request; empty when it does not exist. */
    CompletableFuture<Optional<StoryDetail>> detail(UUID storyId);

    /**
     * Creates a PENDING story under {@code storyId}, chosen by the caller: an attempt repeated with the same id
     * (after a lost answer, or the editor pressing Create again) finds the first one and never duplicates it.
     */
    CompletableFuture<Story> create(StoryDraft draft, UUID storyId);

    /** {@link #create(StoryDraft, UUID)} under a fresh id, for callers that never repeat an attempt. */
    default CompletableFuture<Story> create(StoryDraft draft) {
        return create(draft, UUID.randomUUID());
    }

    /**
     * Creates the story and all its scenes atomically (one RPC, one transaction) under {@code storyId}; repeated
     * with the same id it returns the story the first attempt stored.
     */
    CompletableFuture<StoryDetail> createWithScenes(StoryDraft draft, List<SceneDraft> scenes, UUID storyId);

    /** {@link #createWithScenes(StoryDraft, List, UUID)} under a fresh id. */
    default CompletableFuture<StoryDetail> createWithScenes(StoryDraft draft, List<SceneDraft> scenes) {
        return createWithScenes(draft, scenes, UUID.randomUUID());
    }

    CompletableFuture<Story> update(Story loaded, StoryDraft changes);

    CompletableFuture<Story> updateStatus(Story loaded, StoryStatus status);

    /** Deletes the story, its scenes (cascade) and their image and audio objects. */
    CompletableFuture<Void> delete(UUID storyId);

    /**
     * Gives all the stories the status in one transaction, or none of them: CONFLICT when any of them changed
     * since it was loaded (its updated_at), NOT_FOUND never (a gone story is a change too). Completes with the
     * changed stories.
     */
    CompletableFuture<List<Story>> setStatus(List<Story> loaded, StoryStatus status);

    /** Moves all the stories (with their scenes) to the trash in one transaction, one trash item each, or none. */
    CompletableFuture<Void> deleteAll(List<UUID> storyIds);
}
