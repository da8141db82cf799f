package com.storymimi.studio.model;

import java.time.Instant;
import java.util.UUID;

/** One scene of a story, ordered by {@code sequence} (1..n); image and audio are Storage URLs or null. */
public record Scene(UUID sceneId, UUID storyId, int sequence, String text, String imageUrl, String audioUrl,
                   Instant createdAt, Instant updatedAt) {
}
