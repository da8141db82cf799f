package com.storymimi.studio.supabase.http;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * Logs every attempt once: method, path with redacted query, status and elapsed time; DEBUG when it
 * succeeded, INFO when it failed. Bodies are never logged (they hold passwords, tokens and user data),
 * and header values only at TRACE with credentials redacted.
 */
final class LoggingInterceptor implements Interceptor {

    static final String LOGGER_NAME = "com.storymimi.studio.supabase.http";
    private static final Logger LOG = LoggerFactory.getLogger(LOGGER_NAME);

    @Override
    public CompletableFuture<ApiResponse> intercept(ApiRequest request, Chain chain) {
        if (LOG.isTraceEnabled()) {
            LOG.trace("{} headers {}", request.describe(), Redaction.headers(request.headers()));
        }
        long started = System.nanoTime();
        return chain.proceed(request).whenComplete((response, failure) -> {
            long millis = (System.nanoTime() - started) / 1_000_000;
            if (failure != null) {
                Throwable cause = failure instanceof CompletionException && failure.getCause() != null
                        ? failure.getCause() : failure;
                LOG.info("{} {} -> failed: {} ({} ms)", request.method(), target(request),
                        cause.getClass().getSimpleName(), millis);
            } else if (response.isSuccess()) {
                LOG.debug("{} {} -> {} ({} ms)", request.method(), target(request), response.status(), millis);
            } else {
                LOG.info("{} {} -> {} ({} ms)", request.method(), target(request), response.status(), millis);
            }
        });
    }

    private static String target(ApiRequest request) {
        return request.path() + (request.query().isEmpty() ? "" : "?" + request.query().redacted());
    }
}
