package com.storymimi.studio.supabase.auth;

import com.storymimi.studio.supabase.error.AuthException;
import com.storymimi.studio.supabase.error.SupabaseException;
import com.storymimi.studio.supabase.http.ApiRequest;
import com.storymimi.studio.supabase.http.ApiResponse;
import com.storymimi.studio.supabase.http.Credentials;
import com.storymimi.studio.supabase.http.JsonCodec;
import com.storymimi.studio.supabase.http.QueryString;
import com.storymimi.studio.supabase.http.SessionTokens;
import com.storymimi.studio.supabase.http.SupabaseApi;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/**
 * Owns the session's lifetime for the pipeline: refreshes ahead of expiry (90 s, as auth-js' tick schedule
 * does) and after a rejection, with at most one refresh in flight: concurrent callers wait for the same one,
 * because GoTrue rotates refresh tokens and a second refresh with the old token may revoke the whole family.
 * A refresh the server refuses for good (refresh token unknown, reused or session gone) clears the session.
 */
public final class SessionKeeper implements SessionTokens {

    /** Refresh once the access token expires within this margin. */
    public static final Duration REFRESH_MARGIN = Duration.ofSeconds(90);

    /** Signals that the session is over and only a new sign-in helps. */
    public static final String SIGN_IN_REQUIRED = "sign_in_required";

    private final SessionStore store;
    private final Clock clock;
    private final JsonCodec codec;
    private final SessionDecoder decoder;
    private final Function<ApiRequest, CompletableFuture<ApiResponse>> send;
    private CompletableFuture<Session> refreshing;

    /**
     * @param send sends through the client's pipeline; passed as a function because the pipeline itself is
     *             built with this keeper
     */
    public SessionKeeper(SessionStore store, Clock clock, JsonCodec codec,
                         Function<ApiRequest, CompletableFuture<ApiResponse>> send) {
        this.store = store;
        this.clock = clock;
        this.codec = codec;
        this.decoder = new SessionDecoder(codec, clock);
        this.send = send;
    }

    public SessionStore store() {
        return store;
    }

    SessionDecoder decoder() {
        return decoder;
    }

    @Override
    public Optional<String> accessToken() {
        return store.load().map(Session::accessToken);
    }

    @Override
    public CompletableFuture<Void> refreshIfExpiring() {
        Optional<Session> session = store.load();
        if (session.isEmpty() || !session.get().expiresWithin(REFRESH_MARGIN, clock.instant())) {
            return CompletableFuture.completedFuture(null);
        }
        return refresh().thenApply(refreshed -> null);
    }

    @Override
    public CompletableFuture<Void> refreshAfterRejection(String rejectedToken) {
        Optional<Session> session = store.load();
        if (session.isEmpty() || !session.get().accessToken().equals(rejectedToken)) {
            return CompletableFuture.completedFuture(null); // signed out, or someone refreshed already
        }
        return refresh().thenApply(refreshed -> null);
    }

    /**
     * {@code POST /auth/v1/token?grant_type=refresh_token}, or joins the refresh already in flight. The returned
     * future is a copy: cancelling it does not cancel the refresh other callers wait for.
     */
    public CompletableFuture<Session> refresh() {
        CompletableFuture<Session> shared;
        Session session;
        synchronized (this) {
            if (refreshing != null) {
                return refreshing.copy();
            }
            Optional<Session> current = store.load();
            if (current.isEmpty()) {
                return CompletableFuture.failedFuture(signInRequired(401, "Nobody is signed in"));
            }
            session = current.get();
            shared = new CompletableFuture<>();
            refreshing = shared;
        }
        send.apply(refreshRequest(session))
                .thenApply(decoder::decode)
                .whenComplete((fresh, failure) -> settle(shared, session, fresh, failure));
        return shared.copy();
    }

    private void settle(CompletableFuture<Session> shared, Session old, Session fresh, Throwable failure) {
        synchronized (this) {
            refreshing = null;
            if (failure == null) {
                store.save(fresh);
            }
        }
        if (failure == null) {
            shared.complete(fresh);
            return;
        }
        Optional<SupabaseException> error = SupabaseException.unwrap(failure);
        if (error.filter(SessionKeeper::isFinal).isPresent()) {
            clearIfStill(old);
            shared.completeExceptionally(signInRequired(error.get().status(),
                    "The session has ended (" + ((AuthException) error.get()).code() + "); sign in again"));
        } else {
            shared.completeExceptionally(error.<Throwable>map(e -> e).orElse(failure));
        }
    }

    /** Only the session whose refresh failed is cleared, not one a concurrent sign-in just stored. */
    private synchronized void clearIfStill(Session old) {
        if (store.load().filter(current -> current.refreshToken().equals(old.refreshToken())).isPresent()) {
            store.clear();
        }
    }

    private static boolean isFinal(SupabaseException error) {
        if (!(error instanceof AuthException auth) || auth.code() == null || error.status() >= 500) {
            return false;
        }
        String code = auth.code();
        return code.startsWith("refresh_token_") || code.equals("session_not_found") || code.equals("invalid_grant");
    }

    private static AuthException signInRequired(int status, String message) {
        return new AuthException(status, SIGN_IN_REQUIRED, message);
    }

    private ApiRequest refreshRequest(Session session) {
        return ApiRequest.of(SupabaseApi.AUTH, "POST", "/auth/v1/token")
                .withQuery(QueryString.empty().with("grant_type", "refresh_token"))
                .withCredentials(Credentials.API_KEY)
                .withHeader("X-Supabase-Api-Version", AuthClient.API_VERSION)
                .withHeader("Content-Type", "application/json;charset=UTF-8")
                .withJsonBody(codec.toJson(Map.of("refresh_token", session.refreshToken())));
    }
}
