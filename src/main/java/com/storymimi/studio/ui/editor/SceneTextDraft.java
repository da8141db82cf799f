package com.storymimi.studio.ui.editor;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * A scene text the server has not confirmed yet: what the person typed, and the scene's {@code updated_at}
 * it was typed over (so a restored draft still detects a conflict with changes made meanwhile).
 */
public record SceneTextDraft(UUID sceneId, UUID storyId, String text, Instant baseUpdatedAt, Instant writtenAt) {

    public SceneTextDraft {
        Objects.requireNonNull(sceneId, "sceneId");
        Objects.requireNonNull(storyId, "storyId");
        Objects.requireNonNull(text, "text");
    }
}
