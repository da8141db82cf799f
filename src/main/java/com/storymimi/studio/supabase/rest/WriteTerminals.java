package com.storymimi.studio.supabase.rest;

import com.storymimi.studio.supabase.error.RestException;

import java.util.List;
import java.util.concurrent.CompletableFuture;

/** The ways to run a write, shared by {@link InsertQuery} and {@link MutationQuery}. */
final class WriteTerminals {

    private WriteTerminals() {
    }

    static CompletableFuture<Void> execute(RestExecutor executor, RestCall call) {
        return executor.send(call, response -> null);
    }

    static CompletableFuture<Integer> affectedRows(RestExecutor executor, RestCall call) {
        RestCall counted = call.with(c -> c.count = Count.EXACT);
        return executor.send(counted, response -> {
            var total = RestExecutor.total(response);
            if (total.isEmpty()) {
                throw new RestException(response.status(), RestException.DECODE_FAILED,
                        "The response carried no row count", null, null);
            }
            return Math.toIntExact(total.getAsLong());
        });
    }

    static <T> CompletableFuture<List<T>> list(RestExecutor executor, RestCall call, Class<T> type) {
        return executor.send(representation(call), response -> executor.<T>decodeList(response, type));
    }

    static <T> CompletableFuture<T> single(RestExecutor executor, RestCall call, Class<T> type) {
        RestCall singleCall = representation(call).with(c -> c.accept = RestCall.SINGLE_OBJECT);
        return executor.send(singleCall, response -> executor.<T>decode(response, type));
    }

    static RestCall returning(RestCall call, String columns) {
        String cleaned = RestCall.cleanSelect(columns);
        return call.with(c -> {
            c.select = cleaned;
            c.returnRepresentation = true;
        });
    }

    private static RestCall representation(RestCall call) {
        return call.returnRepresentation ? call : returning(call, "*");
    }
}
