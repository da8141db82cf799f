package com.storymimi.studio.supabase.rest;

import java.lang.reflect.Type;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/** A Postgres function call, {@code POST /rest/v1/rpc/fn}, ready to run. Pick the terminal that fits the result. */
public final class RpcCall {

    private final RestExecutor executor;
    private final RestCall call;

    RpcCall(RestExecutor executor, String path, String argsJson) {
        this.executor = executor;
        this.call = new RestCall("POST", path).with(c -> c.body = argsJson);
    }

    /** For SETOF / TABLE functions: the returned array decoded element by element. */
    public <T> CompletableFuture<List<T>> list(Class<T> elementType) {
        return executor.send(call, response -> executor.<T>decodeList(response, elementType));
    }

    /** For functions returning one value (scalar, json, a row); null when the function returned nothing (204). */
    public <T> CompletableFuture<T> value(Class<T> type) {
        return value((Type) type);
    }

    /** Like {@link #value(Class)} for generic types, e.g. {@code TypeToken.getParameterized(Map.class, …)}. */
    public <T> CompletableFuture<T> value(Type type) {
        return executor.send(call, response -> executor.<T>decode(response, type));
    }

    /** For void functions (204) or when the result does not matter. */
    public CompletableFuture<Void> execute() {
        return executor.send(call, response -> null);
    }
}
