package com.storymimi.studio.supabase.auth;

import com.google.gson.JsonParseException;
import com.storymimi.studio.supabase.error.AuthException;
import com.storymimi.studio.supabase.http.ApiResponse;
import com.storymimi.studio.supabase.http.JsonCodec;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/** Turns a GoTrue session answer (sign-in or refresh) into a {@link Session}, timed by the local clock. */
final class SessionDecoder {

    private final JsonCodec codec;
    private final Clock clock;

    SessionDecoder(JsonCodec codec, Clock clock) {
        this.codec = codec;
        this.clock = clock;
    }

    /** Expiry is local receipt time plus {@code expires_in}; the server's {@code expires_at} only as a fallback. */
    Session decode(ApiResponse response) {
        Instant receivedAt = clock.instant();
        TokenResponse token;
        try {
            token = codec.fromJson(response.bodyText(), TokenResponse.class);
        } catch (JsonParseException e) {
            throw new AuthException(response.status(), "unreadable_session", "The session answer could not be read");
        }
        if (token == null || token.accessToken() == null || token.refreshToken() == null) {
            throw new AuthException(response.status(), "unreadable_session", "The session answer holds no session");
        }
        Instant expiresAt = token.expiresIn() != null
                ? receivedAt.plus(Duration.ofSeconds(token.expiresIn()))
                : Instant.ofEpochSecond(token.expiresAt() == null ? receivedAt.getEpochSecond() : token.expiresAt());
        return new Session(token.accessToken(), token.refreshToken(), expiresAt, token.user());
    }
}
