package com.storymimi.studio.ui.editor;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

/**
 * Scene texts kept on disk until the server confirms them, so a crash or a failed save loses nothing.
 * One draft per scene; a newer draft replaces the older. Writes are atomic (the old or the new draft, never
 * half of one) and applied in the order they were asked for.
 */
public interface DraftStore {

    /** Writes (or replaces) the scene's draft. */
    CompletableFuture<Void> save(SceneTextDraft draft);

    /** The drafts left for a story's scenes, e.g. after a crash or a save that failed. */
    CompletableFuture<List<SceneTextDraft>> forStory(UUID storyId);

    /** Forgets the scene's draft; harmless when there is none. */
    CompletableFuture<Void> remove(UUID sceneId);
}
