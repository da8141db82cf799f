package com.storymimi.studio.supabase.auth;

import com.google.gson.JsonParseException;
import com.storymimi.studio.supabase.error.AuthException;
import com.storymimi.studio.supabase.error.SupabaseException;
import com.storymimi.studio.supabase.http.ApiRequest;
import com.storymimi.studio.supabase.http.ApiResponse;
import com.storymimi.studio.supabase.http.Credentials;
import com.storymimi.studio.supabase.http.HttpPipeline;
import com.storymimi.studio.supabase.http.JsonCodec;
import com.storymimi.studio.supabase.http.QueryString;
import com.storymimi.studio.supabase.http.SupabaseApi;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

/**
 * Supabase Auth (GoTrue, {@code /auth/v1}): password sign-in and sign-out. The session is kept in a
 * {@link SessionStore}; the HTTP pipeline reads its access token for every request.
 */
public final class AuthClient {

    static final String API_VERSION = "2024-01-01";
    private static final Set<Integer> SIGNED_OUT_ANYWAY = Set.of(401, 403, 404);

    private final HttpPipeline pipeline;
    private final JsonCodec codec;
    private final SessionStore store;
    private final Clock clock;

    public AuthClient(HttpPipeline pipeline, JsonCodec codec, SessionStore store, Clock clock) {
        this.pipeline = pipeline;
        this.codec = codec;
        this.store = store;
        this.clock = clock;
    }

    /**
     * {@code POST /auth/v1/token?grant_type=password}. On success the session becomes the current one; wrong
     * credentials fail with an {@link AuthException} (400 {@code invalid_credentials}) and keep the old session.
     */
    public CompletableFuture<Session> signInWithPassword(String email, String password) {
        if (email == null || email.isBlank() || password == null || password.isEmpty()) {
            throw new IllegalArgumentException("email and password are required");
        }
        Map<String, String> body = new LinkedHashMap<>();
        body.put("email", email.trim());
        body.put("password", password);
        ApiRequest request = authRequest("/auth/v1/token")
                .withQuery(QueryString.empty().with("grant_type", "password"))
                .withCredentials(Credentials.API_KEY)
                .withJsonBody(codec.toJson(body));
        return pipeline.send(request).thenApply(this::toSession).thenApply(session -> {
            store.save(session);
            return session;
        });
    }

    /**
     * {@code POST /auth/v1/logout?scope=global}, revoking the user's refresh tokens. Like auth-js, the local
     * session is cleared also when the server answers 401, 403 or 404 (the session is gone there already);
     * other failures keep it and fail the future. Without a session this completes at once.
     */
    public CompletableFuture<Void> signOut() {
        Optional<Session> session = store.load();
        if (session.isEmpty()) {
            return CompletableFuture.completedFuture(null);
        }
        ApiRequest request = authRequest("/auth/v1/logout")
                .withQuery(QueryString.empty().with("scope", "global"))
                .withHeader("Authorization", "Bearer " + session.get().accessToken());
        return pipeline.send(request).handle((response, failure) -> {
            Optional<SupabaseException> error = failure == null ? Optional.empty() : SupabaseException.unwrap(failure);
            boolean goneAnyway = error.filter(e -> e instanceof AuthException
                    && SIGNED_OUT_ANYWAY.contains(e.status())).isPresent();
            if (failure != null && !goneAnyway) {
                throw error.<RuntimeException>map(e -> e).orElseGet(() -> new IllegalStateException(failure));
            }
            store.clear();
            return null;
        });
    }

    public Optional<Session> currentSession() {
        return store.load();
    }

    private ApiRequest authRequest(String path) {
        return ApiRequest.of(SupabaseApi.AUTH, "POST", path)
                .withHeader("X-Supabase-Api-Version", API_VERSION)
                .withHeader("Content-Type", "application/json;charset=UTF-8");
    }

    private Session toSession(ApiResponse response) {
        Instant receivedAt = clock.instant();
        TokenResponse token;
        try {
            token = codec.fromJson(response.bodyText(), TokenResponse.class);
        } catch (JsonParseException e) {
            throw new AuthException(response.status(), "unreadable_session", "The sign-in answer could not be read");
        }
        if (token == null || token.accessToken() == null || token.refreshToken() == null) {
            throw new AuthException(response.status(), "unreadable_session", "The sign-in answer holds no session");
        }
        Instant expiresAt = token.expiresIn() != null
                ? receivedAt.plus(Duration.ofSeconds(token.expiresIn()))
                : Instant.ofEpochSecond(token.expiresAt() == null ? receivedAt.getEpochSecond() : token.expiresAt());
        return new Session(token.accessToken(), token.refreshToken(), expiresAt, token.user());
    }
}
