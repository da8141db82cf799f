package com.storymimi.studio.supabase.rest;

import com.storymimi.studio.supabase.error.RestException;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * An immutable read: every method returns a new query. Terminal methods send it.
 * <pre>{@code
 * rest.from("users").select("user_id,username")
 *     .filter(Filter.ilike("username", Like.contains(term)))
 *     .order(Order.desc("created_at")).range(0, 24).count(Count.EXACT)
 *     .list(User.class)
 * }</pre>
 */
public final class SelectQuery {

    private final RestExecutor executor;
    private final RestCall call;

    SelectQuery(RestExecutor executor, RestCall call) {
        this.executor = executor;
        this.call = call;
    }

    /** Adds a filter; several filters are ANDed. */
    public SelectQuery filter(Filter filter) {
        Objects.requireNonNull(filter, "filter");
        return next(call.with(c -> c.filters.add(filter)));
    }

    /** Adds a sort key after the ones already given (all go into one {@code order} parameter). */
    public SelectQuery order(Order order) {
        Objects.requireNonNull(order, "order");
        return next(call.with(c -> c.orders.add(order)));
    }

    /** Rows {@code from..to}, both inclusive and 0-based: {@code offset=from&limit=to-from+1}. */
    public SelectQuery range(long from, long to) {
        if (from < 0 || to < from) {
            throw new IllegalArgumentException("range needs 0 <= from <= to: " + from + ".." + to);
        }
        return next(call.with(c -> {
            c.offset = from;
            c.limit = to - from + 1;
        }));
    }

    public SelectQuery limit(long limit) {
        if (limit < 0) {
            throw new IllegalArgumentException("limit must be >= 0: " + limit);
        }
        return next(call.with(c -> c.limit = limit));
    }

    public SelectQuery offset(long offset) {
        if (offset < 0) {
            throw new IllegalArgumentException("offset must be >= 0: " + offset);
        }
        return next(call.with(c -> c.offset = offset));
    }

    /** Asks for the total number of matching rows, delivered as {@link RestResult#total()}. */
    public SelectQuery count(Count count) {
        Objects.requireNonNull(count, "count");
        return next(call.with(c -> c.count = count));
    }

    /** Sends HEAD instead of GET: no rows, only status and {@code Content-Range} (use with {@link #count}). */
    public SelectQuery head() {
        return next(call.with(c -> c.method = "HEAD"));
    }

    /** The matching rows decoded as {@code type}, with the total when a count was asked for. */
    public <T> CompletableFuture<RestResult<List<T>>> list(Class<T> type) {
        return executor.send(call, response -> new RestResult<>(
                executor.<T>decodeList(response, type), RestExecutor.total(response), response.status()));
    }

    /**
     * The one matching row, or empty when none matches. More than one row fails with a {@link RestException}
     * 406 {@code PGRST116}, as supabase-js' {@code maybeSingle()} does.
     */
    public <T> CompletableFuture<Optional<T>> maybeSingle(Class<T> type) {
        return executor.send(call, response -> {
            List<T> rows = executor.decodeList(response, type);
            if (rows.size() > 1) {
                throw new RestException(406, "PGRST116", "JSON object requested, multiple (or no) rows returned",
                        "Results contain " + rows.size() + " rows, application/vnd.pgrst.object+json requires 1 row",
                        null);
            }
            return rows.stream().findFirst();
        });
    }

    /**
     * Exactly one row ({@code Accept: application/vnd.pgrst.object+json}); zero or several rows fail with a
     * {@link RestException} 406 {@code PGRST116} from the server.
     */
    public <T> CompletableFuture<T> single(Class<T> type) {
        RestCall singleCall = call.with(c -> c.accept = RestCall.SINGLE_OBJECT);
        return executor.send(singleCall, response -> executor.<T>decode(response, type));
    }

    private SelectQuery next(RestCall nextCall) {
        return new SelectQuery(executor, nextCall);
    }
}
