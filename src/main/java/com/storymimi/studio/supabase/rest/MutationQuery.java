package com.storymimi.studio.supabase.rest;

import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;

/**
 * An update or delete. It needs at least one {@link #filter}: PostgREST would otherwise change every row
 * the role can see, so running it unfiltered throws {@link IllegalStateException} before anything is sent.
 */
public final class MutationQuery {

    private final RestExecutor executor;
    private final RestCall call;

    MutationQuery(RestExecutor executor, RestCall call) {
        this.executor = executor;
        this.call = call;
    }

    /** Adds a filter selecting the rows to change; several filters are ANDed. */
    public MutationQuery filter(Filter filter) {
        Objects.requireNonNull(filter, "filter");
        return new MutationQuery(executor, call.with(c -> c.filters.add(filter)));
    }

    /** Returns the changed rows: adds {@code select=*} and {@code Prefer: return=representation}. */
    public MutationQuery returning() {
        return returning("*");
    }

    public MutationQuery returning(String columns) {
        return new MutationQuery(executor, WriteTerminals.returning(call, columns));
    }

    public CompletableFuture<Void> execute() {
        return WriteTerminals.execute(executor, filtered());
    }

    /** Runs it with {@code Prefer: count=exact}; 0 when no row matched (not an error in PostgREST). */
    public CompletableFuture<Integer> affectedRows() {
        return WriteTerminals.affectedRows(executor, filtered());
    }

    /** Runs it and decodes the changed rows (an empty list when none matched). */
    public <T> CompletableFuture<List<T>> list(Class<T> type) {
        return WriteTerminals.list(executor, filtered(), type);
    }

    /** Runs it expecting exactly one changed row; otherwise 406 PGRST116 and the change is rolled back. */
    public <T> CompletableFuture<T> single(Class<T> type) {
        return WriteTerminals.single(executor, filtered(), type);
    }

    private RestCall filtered() {
        if (call.filters.isEmpty()) {
            throw new IllegalStateException(call.method + " without a filter would affect every row; add a filter");
        }
        return call;
    }
}
