package com.storymimi.studio.supabase.rest;

import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * An insert or upsert, ready to run. Without {@link #returning} the server answers 201 with no body
 * ({@code return=minimal}); {@link #list} and {@link #single} ask for the written rows themselves.
 */
public final class InsertQuery {

    private final RestExecutor executor;
    private final RestCall call;

    InsertQuery(RestExecutor executor, RestCall call) {
        this.executor = executor;
        this.call = call;
    }

    /** Returns the written rows: adds {@code select=*} and {@code Prefer: return=representation}. */
    public InsertQuery returning() {
        return returning("*");
    }

    /** Returns the written rows shaped by {@code columns}. */
    public InsertQuery returning(String columns) {
        return new InsertQuery(executor, WriteTerminals.returning(call, columns));
    }

    /** Runs the write and discards any body. */
    public CompletableFuture<Void> execute() {
        return WriteTerminals.execute(executor, call);
    }

    /** Runs the write with {@code Prefer: count=exact} and answers how many rows it wrote. */
    public CompletableFuture<Integer> affectedRows() {
        return WriteTerminals.affectedRows(executor, call);
    }

    /** Runs the write and decodes the written rows (implies {@link #returning()} when not given). */
    public <T> CompletableFuture<List<T>> list(Class<T> type) {
        return WriteTerminals.list(executor, call, type);
    }

    /**
     * Runs the write expecting exactly one row back ({@code Accept: application/vnd.pgrst.object+json});
     * PostgREST rolls the write back and answers 406 PGRST116 when the count differs.
     */
    public <T> CompletableFuture<T> single(Class<T> type) {
        return WriteTerminals.single(executor, call, type);
    }
}
