package com.storymimi.studio.supabase.http;

import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Ties one {@link HttpPipeline#send} call to its exchanges: once the caller cancels the call's future, the
 * exchange in flight is aborted and every later attempt (a retry, a replay after a token refresh) fails at
 * once instead of going out.
 */
final class CallCancellation {

    private final Set<CompletableFuture<ApiResponse>> inFlight = ConcurrentHashMap.newKeySet();
    private volatile boolean cancelled;

    Interceptor.Chain guard(Interceptor.Chain transport) {
        return request -> {
            if (cancelled) {
                return CompletableFuture.failedFuture(new CancellationException(request.describe() + " was cancelled"));
            }
            CompletableFuture<ApiResponse> exchange = transport.proceed(request);
            inFlight.add(exchange);
            exchange.whenComplete((response, failure) -> inFlight.remove(exchange));
            if (cancelled) {
                exchange.cancel(true);
            }
            return exchange;
        };
    }

    void cancel() {
        cancelled = true;
        inFlight.forEach(exchange -> exchange.cancel(true));
    }
}
