package com.storymimi.studio.model;

import java.util.EnumMap;
import java.util.Map;

/** How many stories are in each status (every status present, zero when none), for the filter chips. */
public record StatusCounts(Map<StoryStatus, Long> counts) {

    public StatusCounts {
        EnumMap<StoryStatus, Long> complete = new EnumMap<>(StoryStatus.class);
        for (StoryStatus status : StoryStatus.values()) {
            complete.put(status, counts.getOrDefault(status, 0L));
        }
        counts = Map.copyOf(complete);
    }

    public long of(StoryStatus status) {
        return counts.get(status);
    }

    public long total() {
        return counts.values().stream().mapToLong(Long::longValue).sum();
    }
}
