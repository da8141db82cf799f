package com.storymimi.studio.supabase.http;

import java.time.Duration;

/**
 * How often and how patiently safe requests are retried: GET, HEAD, PUT, DELETE and POSTs the caller marked
 * {@link ApiRequest#idempotent()}, on transport errors and HTTP 503/520. Other writes are never retried: they
 * might have been applied before the failure.
 *
 * @param maxAttempts     tries in total, including the first
 * @param baseDelay       wait before the first retry; it doubles per retry, plus up to 50% jitter
 * @param maxRetryAfter   the longest {@code Retry-After} that is waited for; a longer one ends the retries
 */
public record RetryPolicy(int maxAttempts, Duration baseDelay, Duration maxRetryAfter) {

    public static final RetryPolicy DEFAULT = new RetryPolicy(3, Duration.ofMillis(200), Duration.ofSeconds(10));
    public static final RetryPolicy NONE = new RetryPolicy(1, Duration.ZERO, Duration.ZERO);

    public RetryPolicy {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be >= 1: " + maxAttempts);
        }
        if (baseDelay.isNegative() || maxRetryAfter.isNegative()) {
            throw new IllegalArgumentException("delays must not be negative");
        }
    }

    /** The backoff before retry number {@code retry} (1 for the first retry), without jitter. */
    Duration backoff(int retry) {
        return baseDelay.multipliedBy(1L << Math.min(retry - 1, 20));
    }
}
