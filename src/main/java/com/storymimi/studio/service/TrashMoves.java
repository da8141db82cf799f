package com.storymimi.studio.service;

import com.storymimi.studio.service.ServiceException.Reason;
import com.storymimi.studio.supabase.rest.Filter;
import com.storymimi.studio.supabase.rest.PostgrestClient;

import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import static com.storymimi.studio.service.ServiceFailures.translate;
import static com.storymimi.studio.service.ServiceFailures.translated;

/**
 * Deleting, the one way every entity service does it: {@code trash_user}, {@code trash_story} or
 * {@code trash_scene} moves the rows into the trash in one transaction; nothing leaves Storage until the item is
 * deleted for good. The functions are not idempotent, so a call whose answer was lost (or that finds the row gone)
 * looks into the trash: an item for the row means it is deleted, which is what the caller asked for.
 */
final class TrashMoves {

    private record TrashId(UUID trashId) {
    }

    private final PostgrestClient rest;

    TrashMoves(PostgrestClient rest) {
        this.rest = Objects.requireNonNull(rest, "rest");
    }

    /**
     * {@code trash_stories}: all of them in one transaction. After a lost answer (or NOT_FOUND) they are deleted
     * when every one has a trash item.
     */
    CompletableFuture<Void> moveAll(String function, String parameter, java.util.List<UUID> ids) {
        return orInTrash(translated(rest.rpc(function, Map.of(parameter, ids)).execute()), ids);
    }

    /** @param kind "user", "story" or "scene": the function is trash_kind, its argument p_kind_id */
    CompletableFuture<Void> move(String kind, UUID id) {
        Objects.requireNonNull(id, "id");
        return orInTrash(translated(rest.rpc("trash_" + kind, Map.of("p_" + kind + "_id", id)).execute()),
                java.util.List.of(id));
    }

    /** A failed move that may have happened anyway is done when every row has a trash item; else it stays failed. */
    private CompletableFuture<Void> orInTrash(CompletableFuture<Void> move, java.util.List<UUID> ids) {
        return move.exceptionallyCompose(failure -> {
            ServiceException cause = translate(failure);
            if (cause.reason() != Reason.NOT_FOUND && cause.reason() != Reason.UNAVAILABLE
                    && cause.reason() != Reason.FAILED) {
                return CompletableFuture.failedFuture(cause);
            }
            return translated(rest.from("trash").select("trash_id").filter(Filter.in("item_id", ids)).list(TrashId.class))
                    .handle((found, lookupFailure) -> {
                        if (lookupFailure != null || found.body().size() < ids.size()) {
                            throw cause;
                        }
                        return null;
                    });
        });
    }
}
