package com.storymimi.studio.supabase.storage;

import com.google.gson.JsonParseException;
import com.storymimi.studio.supabase.error.StorageException;
import com.storymimi.studio.supabase.http.ApiRequest;
import com.storymimi.studio.supabase.http.ApiResponse;
import com.storymimi.studio.supabase.http.Cancellation;
import com.storymimi.studio.supabase.http.HttpPipeline;
import com.storymimi.studio.supabase.http.JsonCodec;
import com.storymimi.studio.supabase.http.SupabaseApi;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Type;
import java.net.URI;
import java.util.concurrent.Callable;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/** What the Storage classes share: the pipeline, the codec, request shapes, decoding and cancel-linking. */
final class StorageCalls {

    static final String ROOT = "/storage/v1";
    /** Code of a {@link StorageException} for a 2xx answer that could not be read. */
    static final String DECODE_FAILED = "CLIENT_DECODE";

    private final HttpPipeline pipeline;
    private final JsonCodec codec;
    private final String baseUrl;

    StorageCalls(HttpPipeline pipeline, JsonCodec codec, URI projectUrl) {
        this.pipeline = pipeline;
        this.codec = codec;
        String base = projectUrl.toString();
        this.baseUrl = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
    }

    JsonCodec codec() {
        return codec;
    }

    /** {@code http://host/storage/v1} + {@code relative}. */
    URI absolute(String relativeToStorage) {
        return URI.create(baseUrl + ROOT + relativeToStorage);
    }

    static ApiRequest request(String method, String pathInStorage) {
        return ApiRequest.of(SupabaseApi.STORAGE, method, ROOT + pathInStorage);
    }

    ApiRequest json(String method, String pathInStorage, Object body) {
        return request(method, pathInStorage).withHeader("Content-Type", "application/json")
                .withJsonBody(codec.toJson(body));
    }

    CompletableFuture<ApiResponse> send(ApiRequest request) {
        return pipeline.send(request);
    }

    /** Sends and decodes the 2xx body; cancelling the result aborts the exchange. */
    <T> CompletableFuture<T> call(ApiRequest request, Type type) {
        CompletableFuture<ApiResponse> sent = pipeline.send(request);
        return Cancellation.propagate(sent.thenApply(response -> decode(response, type)), sent);
    }

    /** Sends and maps the 2xx response; cancelling the result aborts the exchange. */
    <T> CompletableFuture<T> call(ApiRequest request, Function<ApiResponse, T> mapping) {
        CompletableFuture<ApiResponse> sent = pipeline.send(request);
        return Cancellation.propagate(sent.thenApply(mapping), sent);
    }

    <T> T decode(ApiResponse response, Type type) {
        T value;
        try {
            value = codec.fromJson(response.bodyText(), type);
        } catch (JsonParseException | IllegalStateException | ClassCastException e) {
            value = null;
        }
        if (value == null) {
            throw decodeFailure(response, type.getTypeName());
        }
        return value;
    }

    StorageException decodeFailure(ApiResponse response, String expected) {
        return new StorageException(response.status(), Integer.toString(response.status()), "decode",
                DECODE_FAILED, "The Storage answer could not be read as " + expected);
    }

    /**
     * Runs {@code diskWork} off the caller's thread (it may be the UI thread), then {@code send} with its
     * result. Cancelling the returned future cancels the request if it has started.
     */
    static <A, T> CompletableFuture<T> afterDisk(Callable<A> diskWork, Function<A, CompletableFuture<T>> send) {
        CompletableFuture<T> result = new CompletableFuture<>();
        CompletableFuture.supplyAsync(() -> {
            try {
                return diskWork.call();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (RuntimeException e) {
                throw e;
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }).thenCompose(prepared -> {
            if (result.isDone()) {
                return CompletableFuture.<T>failedFuture(new CancellationException("cancelled before sending"));
            }
            CompletableFuture<T> sent = send.apply(prepared);
            Cancellation.propagate(result, sent);
            return sent;
        }).whenComplete((value, failure) -> {
            if (failure == null) {
                result.complete(value);
            } else {
                result.completeExceptionally(failure instanceof java.util.concurrent.CompletionException
                        && failure.getCause() != null ? failure.getCause() : failure);
            }
        });
        return result;
    }
}
