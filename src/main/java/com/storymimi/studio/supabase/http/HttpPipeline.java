package com.storymimi.studio.supabase.http;

import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * The one HTTP path of the Supabase client: every REST, Storage and Auth request goes through
 * {@link #send}. The standard chain is, outermost first: error mapping, session refresh, retries, client
 * headers, logging, then {@code HttpClient.sendAsync}. The returned future completes with a 2xx response or
 * fails with a {@link com.storymimi.studio.supabase.error.SupabaseException} (possibly wrapped in a
 * {@link java.util.concurrent.CompletionException}). Cancelling it aborts the exchange in flight and stops
 * any further retry or replay.
 */
public final class HttpPipeline {

    private final List<Interceptor> interceptors;
    private final Interceptor.Chain transport;

    HttpPipeline(List<Interceptor> interceptors, Interceptor.Chain transport) {
        this.interceptors = List.copyOf(interceptors);
        this.transport = transport;
    }

    /**
     * The standard pipeline.
     *
     * @param tokens     the session: its access token is asked for on every attempt, and refreshed through it
     * @param clientInfo the {@code X-Client-Info} value, e.g. {@code storymimi-studio/0.1.0}
     */
    public static HttpPipeline standard(HttpClient client, URI projectUrl, String apiKey, SessionTokens tokens,
                                        Duration requestTimeout, RetryPolicy retryPolicy, String clientInfo) {
        return new HttpPipeline(List.of(
                new ErrorMappingInterceptor(),
                new SessionRefreshInterceptor(tokens),
                new RetryInterceptor(retryPolicy),
                new ClientHeadersInterceptor(apiKey, tokens, clientInfo),
                new LoggingInterceptor()),
                new HttpTransport(client, projectUrl, requestTimeout));
    }

    public CompletableFuture<ApiResponse> send(ApiRequest request) {
        CallCancellation cancellation = new CallCancellation();
        CompletableFuture<ApiResponse> result = chainFrom(0, cancellation.guard(transport)).proceed(request);
        result.whenComplete((response, failure) -> {
            if (result.isCancelled()) {
                cancellation.cancel();
            }
        });
        return result;
    }

    private Interceptor.Chain chainFrom(int index, Interceptor.Chain end) {
        if (index == interceptors.size()) {
            return end;
        }
        Interceptor current = interceptors.get(index);
        return request -> current.intercept(request, chainFrom(index + 1, end));
    }
}
