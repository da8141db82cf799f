package com.storymimi.studio.supabase.rest;

import com.google.gson.JsonElement;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import com.google.gson.reflect.TypeToken;
import com.storymimi.studio.supabase.error.RestException;
import com.storymimi.studio.supabase.http.ApiResponse;
import com.storymimi.studio.supabase.http.Cancellation;
import com.storymimi.studio.supabase.http.HttpPipeline;
import com.storymimi.studio.supabase.http.JsonCodec;

import java.lang.reflect.Type;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/** Sends {@link RestCall}s through the pipeline and decodes 2xx bodies into the caller's types. */
final class RestExecutor {

    private final HttpPipeline pipeline;
    private final JsonCodec codec;

    RestExecutor(HttpPipeline pipeline, JsonCodec codec) {
        this.pipeline = pipeline;
        this.codec = codec;
    }

    CompletableFuture<ApiResponse> send(RestCall call) {
        return pipeline.send(call.toApiRequest());
    }

    /** Sends and maps the 2xx response; cancelling the result still aborts the exchange. */
    <T> CompletableFuture<T> send(RestCall call, Function<ApiResponse, T> mapping) {
        CompletableFuture<ApiResponse> sent = send(call);
        return Cancellation.propagate(sent.thenApply(mapping), sent);
    }

    JsonCodec codec() {
        return codec;
    }

    <T> List<T> decodeList(ApiResponse response, Type elementType) {
        if (!response.hasBody()) {
            return List.of();
        }
        List<T> rows = decode(response, TypeToken.getParameterized(List.class, elementType).getType());
        return rows == null ? List.of() : rows;
    }

    /** Decodes a JSON value; an empty body (204, HEAD) decodes to null. */
    <T> T decode(ApiResponse response, Type type) {
        if (!response.hasBody()) {
            return null;
        }
        try {
            return codec.fromJson(response.bodyText(), type);
        } catch (JsonParseException | IllegalStateException | ClassCastException e) {
            throw new RestException(response.status(), RestException.DECODE_FAILED,
                    "The response could not be read as " + type.getTypeName(), null, null, e);
        }
    }

    /** How many elements a JSON array body holds, without decoding them. */
    int arraySize(ApiResponse response) {
        try {
            JsonElement json = JsonParser.parseString(response.bodyText());
            return json.isJsonArray() ? json.getAsJsonArray().size() : 1;
        } catch (JsonParseException e) {
            throw new RestException(response.status(), RestException.DECODE_FAILED,
                    "The response is not JSON", null, null, e);
        }
    }

    static OptionalLong total(ApiResponse response) {
        return RestResult.totalFromContentRange(response.header("Content-Range").orElse(null));
    }
}
