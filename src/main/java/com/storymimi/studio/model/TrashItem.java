package com.storymimi.studio.model;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * One deleted user, story or scene waiting in the trash, as the Trash view lists it.
 *
 * @param itemId         the deleted user's, story's or scene's id
 * @param label          the username, the story title, or the start of the scene text
 * @param parentId       the user a story belonged to, or the story a scene belonged to; null otherwise
 * @param parentLabel    that parent's name or title when the item was trashed; for a user, their email
 * @param storyCount     stories that went along (1 for a story, 0 for a scene)
 * @param sceneCount     scenes that went along
 * @param deletedBy      the editor's account id, null when unknown
 * @param deletedByEmail the editor's email, null when unknown
 */
public record TrashItem(UUID trashId, TrashKind kind, UUID itemId, String label, UUID parentId, String parentLabel,
                        int storyCount, int sceneCount, UUID deletedBy, String deletedByEmail, Instant deletedAt) {

    public TrashItem {
        Objects.requireNonNull(trashId, "trashId");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(itemId, "itemId");
        Objects.requireNonNull(deletedAt, "deletedAt");
        label = label == null ? "" : label;
    }
}
