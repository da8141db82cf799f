package com.storymimi.studio.supabase.auth;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * A signed-in session. {@code expiresAt} is computed from the local receipt time plus {@code expires_in}
 * rather than taken from the server's {@code expires_at}, so a skewed local clock cannot make a fresh
 * token look expired. {@link #toString()} never shows the tokens.
 */
public record Session(String accessToken, String refreshToken, Instant expiresAt, AuthUser user) {

    public Session {
        Objects.requireNonNull(accessToken, "accessToken");
        Objects.requireNonNull(refreshToken, "refreshToken");
        Objects.requireNonNull(expiresAt, "expiresAt");
    }

    /** True when the access token expires within {@code margin} of {@code now} (or has expired). */
    public boolean expiresWithin(Duration margin, Instant now) {
        return !now.plus(margin).isBefore(expiresAt);
    }

    @Override
    public String toString() {
        return "Session[user=" + (user == null ? "?" : user.id()) + ", expiresAt=" + expiresAt
                + ", accessToken=[REDACTED], refreshToken=[REDACTED]]";
    }
}
