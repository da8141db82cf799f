package com.storymimi.studio.supabase.http;

import java.util.concurrent.CompletableFuture;

/**
 * Adds what every Supabase request carries: {@code apikey}, {@code Authorization: Bearer} (the session's
 * access token when signed in, else the key, as supabase-js does) and {@code X-Client-Info}. Runs inside
 * the retry loop, so a retried request picks up a token that changed meanwhile.
 */
final class ClientHeadersInterceptor implements Interceptor {

    private final String apiKey;
    private final SessionTokens tokens;
    private final String clientInfo;

    ClientHeadersInterceptor(String apiKey, SessionTokens tokens, String clientInfo) {
        this.apiKey = apiKey;
        this.tokens = tokens;
        this.clientInfo = clientInfo;
    }

    @Override
    public CompletableFuture<ApiResponse> intercept(ApiRequest request, Chain chain) {
        ApiRequest withHeaders = request.withHeader("apikey", apiKey).withHeader("X-Client-Info", clientInfo);
        if (request.header("Authorization").isEmpty()) {
            String bearer = request.credentials() == Credentials.API_KEY
                    ? apiKey
                    : tokens.accessToken().orElse(apiKey);
            withHeaders = withHeaders.withHeader("Authorization", "Bearer " + bearer);
        }
        return chain.proceed(withHeaders);
    }
}
