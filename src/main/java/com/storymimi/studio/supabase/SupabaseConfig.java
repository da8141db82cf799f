package com.storymimi.studio.supabase;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;

/**
 * Where and how to reach a Supabase project (or the local sandbox).
 *
 * @param projectUrl     the project root, e.g. {@code https://abc.supabase.co} or {@code http://127.0.0.1:54321}
 * @param apiKey         the anon (publishable) or service key; never printed by {@link #toString()}
 * @param requestTimeout how long one HTTP exchange may take before it fails with a timeout
 */
public record SupabaseConfig(URI projectUrl, String apiKey, Duration requestTimeout) {

    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(20);

    public SupabaseConfig {
        Objects.requireNonNull(projectUrl, "projectUrl");
        String scheme = projectUrl.getScheme();
        if (!"http".equalsIgnoreCase(scheme) && !"https".equalsIgnoreCase(scheme) || projectUrl.getHost() == null) {
            throw new IllegalArgumentException("projectUrl must be an http(s) URL with a host: " + projectUrl);
        }
        if (projectUrl.getRawQuery() != null || projectUrl.getRawFragment() != null) {
            throw new IllegalArgumentException("projectUrl must not have a query or fragment: " + projectUrl);
        }
        if (apiKey == null || apiKey.isBlank()) {
            throw new IllegalArgumentException("apiKey is required");
        }
        if (requestTimeout == null) {
            requestTimeout = DEFAULT_TIMEOUT;
        }
        if (requestTimeout.isNegative() || requestTimeout.isZero()) {
            throw new IllegalArgumentException("requestTimeout must be positive: " + requestTimeout);
        }
    }

    public SupabaseConfig(URI projectUrl, String apiKey) {
        this(projectUrl, apiKey, DEFAULT_TIMEOUT);
    }

    @Override
    public String toString() {
        return "SupabaseConfig[projectUrl=" + projectUrl + ", apiKey=[REDACTED], requestTimeout=" + requestTimeout + "]";
    }
}
