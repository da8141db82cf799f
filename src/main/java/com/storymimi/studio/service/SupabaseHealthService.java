package com.storymimi.studio.service;

import com.storymimi.studio.model.Health;
import com.storymimi.studio.supabase.rest.PostgrestClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;

/**
 * A one-row read through PostgREST, timed. It answers "can the editor work right now?", so any failure, a
 * refused sign-in included, counts as unreachable.
 */
public final class SupabaseHealthService implements HealthService {

    private static final Logger LOG = LoggerFactory.getLogger(SupabaseHealthService.class);

    private final PostgrestClient rest;
    private final Clock clock;

    public SupabaseHealthService(PostgrestClient rest, Clock clock) {
        this.rest = Objects.requireNonNull(rest, "rest");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public CompletableFuture<Health> check() {
        long started = System.nanoTime();
        return rest.from("users").select("user_id").limit(1).list(Map.class)
                .handle((rows, failure) -> {
                    Duration latency = Duration.ofNanos(System.nanoTime() - started);
                    if (failure != null) {
                        LOG.debug("health check failed after {} ms: {}", latency.toMillis(),
                                ServiceFailures.translate(failure).getMessage());
                    }
                    return new Health(failure == null, latency, clock.instant());
                });
    }
}
