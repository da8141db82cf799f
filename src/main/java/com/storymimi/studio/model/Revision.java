package com.storymimi.studio.model;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * One saved change, as the database recorded it in the same transaction.
 *
 * @param sceneId      the changed scene; null for the story's own columns and for an order change
 * @param fields       for STORY and SCENE: each changed column with its value before and after
 * @param orderBefore  for ORDER: the scene ids in their order before; empty otherwise
 * @param orderAfter   for ORDER: the scene ids in their order after; empty otherwise
 * @param createdBy    the editor's account id; null when unknown (e.g. the generator's service key)
 */
public record Revision(UUID revisionId, UUID storyId, UUID sceneId, RevisionKind kind, List<Field> fields,
                       List<UUID> orderBefore, List<UUID> orderAfter, UUID createdBy, String createdByEmail,
                       Instant createdAt) {

    /** One changed column: "text", "image_url", "audio_url", "title", "prompt" or "status". */
    public record Field(String name, String before, String after) {
        public Field {
            Objects.requireNonNull(name, "name");
        }
    }

    public Revision {
        Objects.requireNonNull(revisionId, "revisionId");
        Objects.requireNonNull(storyId, "storyId");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(createdAt, "createdAt");
        fields = List.copyOf(fields);
        orderBefore = List.copyOf(orderBefore);
        orderAfter = List.copyOf(orderAfter);
    }

    public Optional<Field> field(String name) {
        return fields.stream().filter(f -> f.name().equals(name)).findFirst();
    }
}
