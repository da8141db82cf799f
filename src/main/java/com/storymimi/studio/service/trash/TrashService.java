package com.storymimi.studio.service.trash;

import com.storymimi.studio.model.TrashItem;
import com.storymimi.studio.model.TrashKind;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

/**
 * What was deleted and the way back. Failures are {@link com.storymimi.studio.service.ServiceException}s; for a
 * restore their reason says why: NOT_FOUND (restored or deleted for good meanwhile), INVALID (the story's user or
 * the scene's story is not there: restore that first), DUPLICATE (a key is taken again, e.g. the user's email).
 */
public interface TrashService {

    /** The newest {@code limit} items, newest first. */
    CompletableFuture<List<TrashItem>> list(int limit);

    /** Puts the item's rows back as they were and removes it from the trash; completes with the item. */
    CompletableFuture<TrashItem> restore(UUID trashId);

    /**
     * The undo of a delete: restores the newest trash item of this user, story or scene. Completes normally when the
     * row is back, also when it was back already (a repeat after a lost answer); NOT_FOUND when it is neither in the
     * trash nor back.
     */
    CompletableFuture<Void> restoreLatest(TrashKind kind, UUID itemId);

    /**
     * Deletes the items for good, then their images and audio from Storage (an object that cannot be removed is
     * reported as orphaned, never a failure). Completes with how many items were deleted.
     */
    CompletableFuture<Integer> deleteForever(List<UUID> trashIds);

    /** Deletes for good every item deleted before {@code cutoff}, with its media. */
    CompletableFuture<Integer> purgeDeletedBefore(Instant cutoff);
}
