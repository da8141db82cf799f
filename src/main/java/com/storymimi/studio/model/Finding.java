package com.storymimi.studio.model;

import java.util.Objects;
import java.util.UUID;

/**
 * One problem the integrity doctor found.
 *
 * @param storyId     the story concerned, or null (an object outside any story folder)
 * @param storyTitle  that story's title, or null (no story, or none with that id: a leftover folder)
 * @param sceneId     the scene concerned, or null (an unused object, a story's sequence)
 * @param object      the Storage object concerned, or null (a sequence problem, an unreadable URL)
 * @param description one sentence for the editor
 * @param fix         what {@code IntegrityService.fix} would do; {@link IntegrityFix.ReportOnly} for nothing
 */
public record Finding(FindingKind kind, UUID storyId, String storyTitle, UUID sceneId, MediaRef object,
                      String description, IntegrityFix fix) {

    public Finding {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(fix, "fix");
    }

    /** A finding whose story's title is not looked up yet. */
    public Finding(FindingKind kind, UUID storyId, UUID sceneId, MediaRef object, String description,
                   IntegrityFix fix) {
        this(kind, storyId, null, sceneId, object, description, fix);
    }

    public Finding withStoryTitle(String title) {
        return new Finding(kind, storyId, title, sceneId, object, description, fix);
    }

    public boolean fixable() {
        return !(fix instanceof IntegrityFix.ReportOnly);
    }
}
