package com.storymimi.studio.service.revisions;

import com.storymimi.studio.model.Revision;

import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

/** The saved history of one story, and the way back to any point of it. */
public interface RevisionService {

    /** The newest {@code limit} revisions of the story, its scenes and its order, newest first. */
    CompletableFuture<List<Revision>> history(UUID storyId, int limit);

    /**
     * Makes the row look as the revision left it: a scene's or story's changed columns get their "after" values
     * again, an order change reorders to its "after" order. It is a save like any other (with the same conflict
     * checks, and a revision of its own). NOT_FOUND when the scene or story is gone; INVALID when the scenes are no
     * longer the ones the order names.
     */
    CompletableFuture<Void> restore(Revision revision);
}
