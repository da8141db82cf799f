package com.storymimi.studio.service;

import com.storymimi.studio.model.Scene;
import com.storymimi.studio.model.SceneDraft;

import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

/** The scenes of a story. Async; optimistic updates as in {@link StoryService}. */
public interface SceneService {

    /** The story's scenes ordered by sequence. */
    CompletableFuture<List<Scene>> list(UUID storyId);

    /** Adds one scene at {@code draft.sequence()} (normally the next free number). */
    CompletableFuture<Scene> create(UUID storyId, SceneDraft draft);

    /** Adds several scenes in one request (all or nothing). */
    CompletableFuture<List<Scene>> createAll(UUID storyId, List<SceneDraft> drafts);

    /** Saves the text; fails with CONFLICT when the scene changed on the server since {@code loaded}. */
    CompletableFuture<Scene> updateText(Scene loaded, String text);

    /** Deletes the scene and its media, and closes the gap in the sequence. Returns the remaining scenes. */
    CompletableFuture<List<Scene>> delete(Scene scene);

    /** Puts the story's scenes in this order (1..n) atomically; the list must hold exactly its scene ids. */
    CompletableFuture<List<Scene>> reorder(UUID storyId, List<UUID> sceneIdsInOrder);

    /**
     * The reorder of an editor who moved from {@code expectedOrder} (the order they saw): a CONFLICT when another
     * editor reordered the story meanwhile, so neither move silently undoes the other; done at once when the
     * order is already {@code sceneIdsInOrder} (a repeat after a lost answer).
     */
    CompletableFuture<List<Scene>> reorder(UUID storyId, List<UUID> expectedOrder, List<UUID> sceneIdsInOrder);
}
