package com.storymimi.studio.supabase.http;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandler;
import java.net.http.HttpResponse.BodySubscribers;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;

/**
 * The end of the pipeline: turns an {@link ApiRequest} into a {@code java.net.http} exchange. Cancelling the
 * returned future cancels the {@code sendAsync} future, which makes the JDK abort the exchange.
 */
final class HttpTransport implements Interceptor.Chain {

    private static final byte[] NO_BYTES = new byte[0];

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
            BodyHandler<byte[]> handler = request.responseFile()
                    .map(HttpTransport::toFileWhenSuccessful)
                    .orElseGet(HttpResponse.BodyHandlers::ofByteArray);
            CompletableFuture<HttpResponse<byte[]>> exchange = client.sendAsync(toHttpRequest(request), handler);
            CompletableFuture<ApiResponse> response = exchange.thenApply(
                    answer -> new ApiResponse(answer.statusCode(), answer.headers(), answer.body()));
            response.whenComplete((ignored, failure) -> {
                if (response.isCancelled()) {
                    exchange.cancel(true);
                }
            });
            return response;
        } catch (RuntimeException e) {
            // e.g. a header the JDK refuses or a file that vanished: reported through the future like any other
            return CompletableFuture.failedFuture(e);
        }
    }

    /** A 2xx body goes to the file; anything else is read into memory so the error mapping can parse it. */
    private static BodyHandler<byte[]> toFileWhenSuccessful(Path file) {
        return info -> info.statusCode() / 100 == 2
                ? BodySubscribers.mapping(BodySubscribers.ofFile(file), written -> NO_BYTES)
                : BodySubscribers.ofByteArray();
    }

    private HttpRequest toHttpRequest(ApiRequest request) {
        String query = request.query().isEmpty() ? "" : "?" + request.query().encoded();
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(baseUrl + request.path() + query))
                .timeout(request.timeout().orElse(defaultTimeout));
        request.headers().forEach(builder::header);
        HttpRequest.BodyPublisher body = request.requestBody()
                .map(RequestBody::publisher)
                .orElseGet(HttpRequest.BodyPublishers::noBody);
        return builder.method(request.method(), body).build();
    }
}
