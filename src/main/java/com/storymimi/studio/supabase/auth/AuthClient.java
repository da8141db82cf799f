package com.storymimi.studio.supabase.auth;

import com.storymimi.studio.supabase.error.AuthException;
import com.storymimi.studio.supabase.error.SupabaseException;
import com.storymimi.studio.supabase.http.ApiRequest;
import com.storymimi.studio.supabase.http.Credentials;
import com.storymimi.studio.supabase.http.HttpPipeline;
import com.storymimi.studio.supabase.http.JsonCodec;
import com.storymimi.studio.supabase.http.QueryString;
import com.storymimi.studio.supabase.http.SupabaseApi;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

/**
 * Supabase Auth (GoTrue, {@code /auth/v1}): password sign-in, refresh and sign-out. The session is kept in a
 * {@link SessionStore}; the HTTP pipeline reads its access token for every request and keeps it fresh
 * through the {@link SessionKeeper}.
 */
public final class AuthClient {

    static final String API_VERSION = "2024-01-01";
    private static final Set<Integer> SIGNED_OUT_ANYWAY = Set.of(401, 403, 404);

    private final HttpPipeline pipeline;
    private final JsonCodec codec;
    private final SessionKeeper keeper;
    private final SessionStore store;

    public AuthClient(HttpPipeline pipeline, JsonCodec codec, SessionKeeper keeper) {
        this.pipeline = pipeline;
        this.codec = codec;
        this.keeper = keeper;
        this.store = keeper.store();
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
        return pipeline.send(request).thenApply(keeper.decoder()::decode).thenApply(session -> {
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

    /**
     * Refreshes the session now ({@code POST /auth/v1/token?grant_type=refresh_token}), or joins the refresh in
     * flight. The pipeline does this by itself ahead of expiry and after an expired-token answer; when the
     * server refuses the refresh token, the session is cleared and the future fails with an
     * {@link AuthException} whose code is {@link SessionKeeper#SIGN_IN_REQUIRED}.
     */
    public CompletableFuture<Session> refreshSession() {
        return keeper.refresh();
    }

    private ApiRequest authRequest(String path) {
        return ApiRequest.of(SupabaseApi.AUTH, "POST", path)
                .withHeader("X-Supabase-Api-Version", API_VERSION)
                .withHeader("Content-Type", "application/json;charset=UTF-8");
    }
}
