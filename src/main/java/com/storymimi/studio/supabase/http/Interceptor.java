package com.storymimi.studio.supabase.http;

import java.util.concurrent.CompletableFuture;

/**
 * One concern of the HTTP pipeline (credentials, logging, retries, error mapping). An interceptor may change
 * the request, call {@link Chain#proceed} zero or more times, and change or replace the outcome.
 */
@FunctionalInterface
public interface Interceptor {

    CompletableFuture<ApiResponse> intercept(ApiRequest request, Chain chain);

    /** The rest of the pipeline after this interceptor. */
    @FunctionalInterface
    interface Chain {
        CompletableFuture<ApiResponse> proceed(ApiRequest request);
    }
}
