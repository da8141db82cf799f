package com.storymimi.studio.supabase.http;

import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * The signed-in session as the pipeline sees it: the current access token, and the two moments it may have
 * to be refreshed (ahead of expiry, or after a service rejected it as expired). Implemented by the auth
 * package; the pipeline only knows this interface.
 */
public interface SessionTokens {

    /** Nobody ever signs in: requests carry the project key. */
    SessionTokens NONE = new SessionTokens() {
        @Override
        public Optional<String> accessToken() {
            return Optional.empty();
        }

        @Override
        public CompletableFuture<Void> refreshIfExpiring() {
            return CompletableFuture.completedFuture(null);
        }

        @Override
        public CompletableFuture<Void> refreshAfterRejection(String rejectedToken) {
            return CompletableFuture.completedFuture(null);
        }
    };

    /** The current access token, without any I/O; empty when signed out. */
    Optional<String> accessToken();

    /** Completes once the token is good for a while: at once when it is, after a refresh when it expires soon. */
    CompletableFuture<Void> refreshIfExpiring();

    /**
     * Completes once a token other than {@code rejectedToken} is current (refreshing if nobody has yet), so the
     * rejected request can be replayed; fails when the session cannot be refreshed.
     */
    CompletableFuture<Void> refreshAfterRejection(String rejectedToken);
}
