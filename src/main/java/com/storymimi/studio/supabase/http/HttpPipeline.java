package com.storymimi.studio.supabase.http;

import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/**
 * The one HTTP path of the Supabase client: every REST, Storage and Auth request goes through
 * {@link #send}. The standard chain is, outermost first: error mapping, retries, client headers, logging,
 * then {@code HttpClient.sendAsync}. The returned future completes with a 2xx response or fails with a
 * {@link com.storymimi.studio.supabase.error.SupabaseException} (possibly wrapped in a
 * {@link java.util.concurrent.CompletionException}).
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
     * @param accessToken the current session's access token, asked for on every attempt
     * @param clientInfo  the {@code X-Client-Info} value, e.g. {@code storymimi-studio/0.1.0}
     */
    public static HttpPipeline standard(HttpClient client, URI projectUrl, String apiKey,
                                        Supplier<Optional<String>> accessToken, Duration requestTimeout,
                                        RetryPolicy retryPolicy, String clientInfo) {
        return new HttpPipeline(List.of(
                new ErrorMappingInterceptor(),
                new RetryInterceptor(retryPolicy),
                new ClientHeadersInterceptor(apiKey, accessToken, clientInfo),
                new LoggingInterceptor()),
                new HttpTransport(client, projectUrl, requestTimeout));
    }

    public CompletableFuture<ApiResponse> send(ApiRequest request) {
        return chainFrom(0).proceed(request);
    }

    private Interceptor.Chain chainFrom(int index) {
        if (index == interceptors.size()) {
            return transport;
        }
        Interceptor current = interceptors.get(index);
        return request -> current.intercept(request, chainFrom(index + 1));
    }
}
