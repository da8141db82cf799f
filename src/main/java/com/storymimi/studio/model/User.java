package com.storymimi.studio.model;

import java.time.Instant;
import java.util.UUID;

/** A StoryMimi user as stored in {@code public.users}. */
public record User(UUID userId, String username, String email, Instant createdAt) {
}
