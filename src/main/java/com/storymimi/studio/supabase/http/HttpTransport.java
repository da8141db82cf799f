package com.storymimi.studio.supabase.http;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;

/** The end of the pipeline: turns an {@link ApiRequest} into a {@code java.net.http} exchange. */
final class HttpTransport implements Interceptor.Chain {

    private final HttpClient client;
    private final String baseUrl;
    private final Duration defaultTimeout;

    HttpTransport(HttpClient client, URI projectUrl, Duration defaultTimeout) {
        this.client = client;
        String base = projectUrl.toString();
        this.baseUrl = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
        this.defaultTimeout = defaultTimeout;
    }

    @Override
    public CompletableFuture<ApiResponse> proceed(ApiRequest request) {
        try {
            return client.sendAsync(toHttpRequest(request), HttpResponse.BodyHandlers.ofByteArray())
                    .thenApply(response -> new ApiResponse(response.statusCode(), response.headers(), response.body()));
        } catch (RuntimeException e) {
            // e.g. a header the JDK refuses: a programming error, reported through the future like any other
            return CompletableFuture.failedFuture(e);
        }
    }

    private HttpRequest toHttpRequest(ApiRequest request) {
        String query = request.query().isEmpty() ? "" : "?" + request.query().encoded();
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(baseUrl + request.path() + query))
                .timeout(request.timeout().orElse(defaultTimeout));
        request.headers().forEach(builder::header);
        HttpRequest.BodyPublisher body = request.body()
                .map(HttpRequest.BodyPublishers::ofByteArray)
                .orElseGet(HttpRequest.BodyPublishers::noBody);
        return builder.method(request.method(), body).build();
    }
}
