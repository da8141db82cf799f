package com.storymimi.studio.contract;

import org.junit.jupiter.api.Assumptions;

import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Real PostgREST 12.0.2 on PostgreSQL with supabase/migrations, as {@code contract/real-backend.sh start}
 * runs it (configured through the POSTGREST_* environment variables it prints). When they are absent every
 * case on this backend is skipped with a message saying how to run it.
 */
final class RealPostgrestBackend extends Backend {

    static final String NOT_CONFIGURED = "real PostgREST not configured: run contract/real-backend.sh start"
            + " and export its env (set -a; . contract-backend/env; set +a)";

    private static final RealPostgrestBackend INSTANCE = new RealPostgrestBackend();

    static RealPostgrestBackend get() {
        return INSTANCE;
    }

    private static String env(String name) {
        String value = Optional.ofNullable(System.getenv(name)).filter(v -> !v.isBlank()).orElse(null);
        Assumptions.assumeTrue(value != null && System.getenv("POSTGREST_URL") != null, NOT_CONFIGURED);
        return value;
    }

    @Override
    public String name() {
        return "real-postgrest";
    }

    @Override
    protected String restRoot() {
        String url = env("POSTGREST_URL");
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    @Override
    protected String anonKey() {
        return env("POSTGREST_ANON_KEY");
    }

    @Override
    protected String authenticatedToken() {
        return env("POSTGREST_AUTHENTICATED_KEY");
    }

    @Override
    protected String serviceKey() {
        return env("POSTGREST_SERVICE_KEY");
    }

    @Override
    protected byte[] jwtSecret() {
        return Optional.ofNullable(System.getenv("POSTGREST_JWT_SECRET"))
                .orElse("super-secret-jwt-token-with-at-least-32-characters-long").getBytes(StandardCharsets.UTF_8);
    }
}
