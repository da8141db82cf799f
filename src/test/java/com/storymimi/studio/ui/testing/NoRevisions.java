package com.storymimi.studio.ui.testing;

import com.storymimi.studio.model.Revision;
import com.storymimi.studio.service.ServiceException;
import com.storymimi.studio.service.revisions.RevisionService;

import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

/**
 * For editor tests that are not about history: the in-memory services record no revisions, so there is none to
 * show or restore. History itself is tested against the sandbox and real PostgREST.
 */
public final class NoRevisions implements RevisionService {

    @Override
    public CompletableFuture<List<Revision>> history(UUID storyId, int limit) {
        return CompletableFuture.completedFuture(List.of());
    }

    @Override
    public CompletableFuture<Void> restore(Revision revision) {
        return CompletableFuture.failedFuture(new ServiceException(ServiceException.Reason.NOT_FOUND,
                "the in-memory catalogue keeps no revisions"));
    }
}
