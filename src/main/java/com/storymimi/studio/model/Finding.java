package com.storymimi.studio.model;

import java.util.Objects;
import java.util.UUID;

/**
 * One problem the integrity doctor found.
 *
 * @param storyId     the story concerned, or null (an object outside any story folder)
 * @param sceneId     the scene concerned, or null (an unused object, a story's sequence)
 * @param object      the Storage object concerned, or null (a sequence problem, an unreadable URL)
 * @param description one sentence for the editor
 * @param fix         what {@code IntegrityService.fix} would do; {@link IntegrityFix.ReportOnly} for nothing
 */
public record Finding(FindingKind kind, UUID storyId, UUID sceneId, MediaRef object, String description,
                      IntegrityFix fix) {

    public Finding {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(fix, "fix");
    }

    public boolean fixable() {
        return !(fix instanceof IntegrityFix.ReportOnly);
    }
}
