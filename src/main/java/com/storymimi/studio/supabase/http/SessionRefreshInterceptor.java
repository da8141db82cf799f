package com.storymimi.studio.supabase.http;

import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * Keeps session requests authorised: refreshes the token before a request when it expires soon, and when a
 * service still rejects the token as expired, refreshes once and replays the request once. Requests that
 * carry the project key or an explicit {@code Authorization} (sign-in, refresh, sign-out) pass untouched, so
 * the refresh request itself never recurses. Every body kind can be re-sent (see {@link RequestBody}).
 */
final class SessionRefreshInterceptor implements Interceptor {

    private final SessionTokens tokens;

    SessionRefreshInterceptor(SessionTokens tokens) {
        this.tokens = tokens;
    }

    @Override
    public CompletableFuture<ApiResponse> intercept(ApiRequest request, Chain chain) {
        if (request.credentials() != Credentials.SESSION_OR_KEY || request.header("Authorization").isPresent()) {
            return chain.proceed(request);
        }
        return tokens.refreshIfExpiring().thenCompose(fresh -> {
            Optional<String> sent = tokens.accessToken();
            return chain.proceed(request).thenCompose(response -> {
                if (sent.isEmpty() || !ExpiredTokenSignal.matches(request.api(), response)) {
                    return CompletableFuture.completedFuture(response);
                }
                return tokens.refreshAfterRejection(sent.get()).thenCompose(refreshed -> chain.proceed(request));
            });
        });
    }
}
