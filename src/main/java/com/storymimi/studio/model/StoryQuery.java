package com.storymimi.studio.model;

import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * Which stories the table shows: an optional search term (case-insensitive substring of title or prompt,
 * taken literally: no wildcards), an optional status, an optional user, and the order.
 */
public record StoryQuery(String search, StoryStatus status, UUID userId, StorySort sort) {

    public StoryQuery {
        search = search == null ? "" : search.strip();
        Objects.requireNonNull(sort, "sort");
    }

    public static StoryQuery all() {
        return new StoryQuery("", null, null, StorySort.CREATED_NEWEST);
    }

    public Optional<StoryStatus> statusFilter() {
        return Optional.ofNullable(status);
    }

    public Optional<UUID> userFilter() {
        return Optional.ofNullable(userId);
    }

    public StoryQuery withSearch(String term) {
        return new StoryQuery(term, status, userId, sort);
    }

    public StoryQuery withStatus(StoryStatus newStatus) {
        return new StoryQuery(search, newStatus, userId, sort);
    }

    public StoryQuery withUser(UUID newUserId) {
        return new StoryQuery(search, status, newUserId, sort);
    }

    public StoryQuery withSort(StorySort newSort) {
        return new StoryQuery(search, status, userId, newSort);
    }
}
