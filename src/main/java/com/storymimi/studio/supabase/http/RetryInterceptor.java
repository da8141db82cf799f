package com.storymimi.studio.supabase.http;

import java.io.IOException;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * Retries requests that are safe to repeat ({@link ApiRequest#isRetrySafe()}: reads, PUT, DELETE, POSTs marked
 * idempotent) after transport errors and 503/520, see {@link RetryPolicy}; never blocks a thread. A cancelled
 * call stops here too: its next attempt fails with a {@link java.util.concurrent.CancellationException},
 * which is not retried.
 */
final class RetryInterceptor implements Interceptor {

    private final RetryPolicy policy;

    RetryInterceptor(RetryPolicy policy) {
        this.policy = policy;
    }

    @Override
    public CompletableFuture<ApiResponse> intercept(ApiRequest request, Chain chain) {
        if (!request.isRetrySafe() || policy.maxAttempts() == 1) {
            return chain.proceed(request);
        }
        return attempt(request, chain, 1);
    }

    private CompletableFuture<ApiResponse> attempt(ApiRequest request, Chain chain, int attempt) {
        ApiRequest sent = attempt == 1 ? request : request.withHeader("X-Retry-Count", Integer.toString(attempt - 1));
        return chain.proceed(sent).handle((response, failure) -> {
            Optional<Duration> wait = attempt < policy.maxAttempts()
                    ? delayBeforeRetry(response, failure, attempt)
                    : Optional.empty();
            if (wait.isPresent()) {
                return CompletableFuture.runAsync(() -> { },
                                CompletableFuture.delayedExecutor(wait.get().toMillis(), TimeUnit.MILLISECONDS))
                        .thenCompose(ignored -> attempt(request, chain, attempt + 1));
            }
            return failure == null ? CompletableFuture.completedFuture(response)
                    : CompletableFuture.<ApiResponse>failedFuture(unwrap(failure));
        }).thenCompose(Function.identity());
    }

    /** Empty when the outcome must not be retried. */
    private Optional<Duration> delayBeforeRetry(ApiResponse response, Throwable failure, int attempt) {
        if (failure != null) {
            return unwrap(failure) instanceof IOException ? Optional.of(jittered(attempt)) : Optional.empty();
        }
        if (response.status() != 503 && response.status() != 520) {
            return Optional.empty();
        }
        Optional<Duration> retryAfter = response.header("Retry-After").flatMap(RetryInterceptor::parseRetryAfter);
        if (retryAfter.isPresent()) {
            return retryAfter.get().compareTo(policy.maxRetryAfter()) <= 0 ? retryAfter : Optional.empty();
        }
        return Optional.of(jittered(attempt));
    }

    private Duration jittered(int attempt) {
        Duration backoff = policy.backoff(attempt);
        long jitter = backoff.toMillis() <= 0 ? 0 : ThreadLocalRandom.current().nextLong(backoff.toMillis() / 2 + 1);
        return backoff.plusMillis(jitter);
    }

    /** {@code Retry-After} is either delay-seconds or an HTTP date (RFC 9110 10.2.3). */
    static Optional<Duration> parseRetryAfter(String value) {
        String trimmed = value.trim();
        try {
            return Optional.of(Duration.ofSeconds(Math.max(0, Long.parseLong(trimmed))));
        } catch (NumberFormatException notSeconds) {
            try {
                ZonedDateTime at = ZonedDateTime.parse(trimmed, DateTimeFormatter.RFC_1123_DATE_TIME);
                Duration until = Duration.between(ZonedDateTime.now(at.getZone()), at);
                return Optional.of(until.isNegative() ? Duration.ZERO : until);
            } catch (DateTimeParseException notDate) {
                return Optional.empty();
            }
        }
    }

    private static Throwable unwrap(Throwable failure) {
        return failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
    }
}
