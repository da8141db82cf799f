package com.storymimi.studio.service;

import com.storymimi.studio.service.ServiceException.Reason;
import com.storymimi.studio.supabase.rest.Filter;
import com.storymimi.studio.supabase.rest.PostgrestClient;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.function.Predicate;

import static com.storymimi.studio.service.ServiceFailures.translated;

/**
 * The one optimistic update: {@code PATCH table?id=eq.X&updated_at=eq.<as loaded>} returning the row. The server
 * bumps {@code updated_at} on every write, so zero matched rows mean the row is gone or changed since it was loaded:
 * a re-read tells which, and the caller gets NOT_FOUND or a {@link ConflictException} with the current row, unless
 * the current row already holds every change ({@code holdsChanges}): then the write is done, typically our own
 * first attempt whose answer was lost and which the editor repeated, and the caller gets the current row.
 */
final class OptimisticWrite<T> {

    private static final String UPDATED_AT = "updated_at";

    private final PostgrestClient rest;
    private final String table;
    private final String idColumn;
    private final Class<T> type;

    OptimisticWrite(PostgrestClient rest, String table, String idColumn, Class<T> type) {
        this.rest = Objects.requireNonNull(rest, "rest");
        this.table = table;
        this.idColumn = idColumn;
        this.type = type;
    }

    CompletableFuture<T> patch(UUID id, Instant loadedUpdatedAt, Map<String, ?> changes, Predicate<T> holdsChanges) {
        Objects.requireNonNull(loadedUpdatedAt, "the loaded row has no updated_at");
        return translated(rest.from(table).update(changes)
                .filter(Filter.eq(idColumn, id))
                .filter(Filter.eq(UPDATED_AT, loadedUpdatedAt))
                .returning()
                .list(type))
                .thenCompose(rows -> rows.isEmpty()
                        ? explainMiss(id, loadedUpdatedAt, holdsChanges)
                        : CompletableFuture.completedFuture(rows.getFirst()));
    }

    /**
     * The same for a write made by a function that refuses with PT409 (changed since loaded) or PT404 (gone): such a
     * refusal is explained as a missed PATCH is.
     */
    CompletableFuture<T> call(UUID id, Instant loadedUpdatedAt, CompletableFuture<T> write, Predicate<T> holdsChanges) {
        return translated(write).exceptionallyCompose(failure -> {
            ServiceException cause = ServiceFailures.translate(failure);
            return cause.reason() == Reason.CONFLICT || cause.reason() == Reason.NOT_FOUND
                    ? explainMiss(id, loadedUpdatedAt, holdsChanges)
                    : CompletableFuture.failedFuture(cause);
        });
    }

    private CompletableFuture<T> explainMiss(UUID id, Instant loadedUpdatedAt, Predicate<T> holdsChanges) {
        return translated(rest.from(table).select("*").filter(Filter.eq(idColumn, id)).maybeSingle(type))
                .thenApply(current -> {
                    if (current.isEmpty()) {
                        throw new ServiceException(Reason.NOT_FOUND, "no row in " + table + " with " + idColumn + " " + id);
                    }
                    if (holdsChanges.test(current.get())) {
                        return current.get();
                    }
                    throw new ConflictException(table + " row " + id + " changed on the server since it was loaded at "
                            + loadedUpdatedAt, current.get());
                });
    }
}
