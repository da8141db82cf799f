package com.storymimi.studio.model;

import java.time.Instant;
import java.util.UUID;

/** A story as stored in {@code public.stories}; {@code userId} may be null (an orphaned or system story). */
public record Story(UUID storyId, UUID userId, String title, String prompt, StoryStatus status,
                   Instant createdAt, Instant updatedAt) {
}
