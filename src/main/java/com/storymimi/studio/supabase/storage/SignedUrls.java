package com.storymimi.studio.supabase.storage;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.storymimi.studio.supabase.http.ApiRequest;
import com.storymimi.studio.supabase.http.ApiResponse;
import com.storymimi.studio.supabase.http.Credentials;
import com.storymimi.studio.supabase.http.QueryString;
import com.storymimi.studio.supabase.http.RequestBody;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * Signed download and upload URLs (protocol doc B7). Storage answers paths relative to {@code /storage/v1};
 * callers get absolute URLs.
 */
final class SignedUrls {

    private final StorageCalls calls;
    private final String bucket;

    SignedUrls(StorageCalls calls, String bucket) {
        this.calls = calls;
        this.bucket = bucket;
    }

    CompletableFuture<URI> createSignedUrl(String key, Duration expiresIn) {
        ApiRequest request = calls.json("POST", "/object/sign/" + ObjectKeys.encodePath(bucket, key),
                Map.of("expiresIn", seconds(expiresIn))).idempotent();
        return calls.call(request, response -> {
            String relative = text(json(response), "signedURL");
            if (relative == null) {
                throw calls.decodeFailure(response, "a signed URL");
            }
            return calls.absolute(relative);
        });
    }

    CompletableFuture<List<SignedUrl>> createSignedUrls(List<String> keys, Duration expiresIn) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("expiresIn", seconds(expiresIn));
        body.put("paths", keys.stream().map(ObjectKeys::requireValidKey).toList());
        ApiRequest request = calls.json("POST", "/object/sign/" + QueryString.encode(bucket), body).idempotent();
        return calls.call(request, response -> {
            JsonArray rows = calls.decode(response, JsonArray.class);
            List<SignedUrl> urls = new ArrayList<>(rows.size());
            for (JsonElement row : rows) {
                JsonObject entry = row.getAsJsonObject();
                String relative = text(entry, "signedURL");
                urls.add(new SignedUrl(text(entry, "path"), relative == null ? null : calls.absolute(relative),
                        text(entry, "error")));
            }
            return List.copyOf(urls);
        });
    }

    CompletableFuture<SignedUploadUrl> createSignedUploadUrl(String key, boolean upsert) {
        ApiRequest request = StorageCalls.request("POST", "/object/upload/sign/" + ObjectKeys.encodePath(bucket, key))
                .withHeader("x-upsert", Boolean.toString(upsert));
        return calls.call(request, response -> {
            JsonObject json = json(response);
            String url = text(json, "url");
            String token = text(json, "token");
            if (token == null && url != null) {
                token = tokenOf(url);
            }
            if (url == null || token == null) {
                throw calls.decodeFailure(response, "a signed upload URL");
            }
            return new SignedUploadUrl(bucket, key, token, calls.absolute(url));
        });
    }

    /** No session: the token in the query authorises the upload, the project key passes the gateway. */
    CompletableFuture<ObjectRef> uploadToSignedUrl(SignedUploadUrl url, UploadSource source, UploadOptions options) {
        ProgressMeter meter = new ProgressMeter(source.size(), options.onProgress(), System::nanoTime);
        ApiRequest request = StorageCalls.request("PUT", "/object/upload/sign/"
                        + ObjectKeys.encodePath(url.bucket(), url.path()))
                .withQuery(QueryString.empty().with("token", url.token()))
                .withCredentials(Credentials.API_KEY)
                .withHeader("Content-Type", source.contentType())
                .withHeader("Cache-Control", options.cacheControlHeader())
                .withHeader("x-upsert", Boolean.toString(options.upsert()))
                .withBody(RequestBody.ofFile(source.file(), (sent, total) -> meter.update(sent)));
        return calls.call(request, response -> {
            JsonObject json = json(response);
            String fullPath = text(json, "Key");
            return new ObjectRef(text(json, "Id"), url.path(), fullPath == null ? url.bucket() + "/" + url.path() : fullPath);
        });
    }

    /** Older servers answer only the URL; the token is its {@code token} parameter (base64url JWT, no escapes). */
    private static String tokenOf(String url) {
        String query = URI.create(url).getRawQuery();
        if (query != null) {
            for (String pair : query.split("&")) {
                if (pair.startsWith("token=")) {
                    return pair.substring("token=".length());
                }
            }
        }
        return null;
    }

    private JsonObject json(ApiResponse response) {
        return calls.decode(response, JsonObject.class);
    }

    private static String text(JsonObject json, String name) {
        JsonElement value = json.get(name);
        return value == null || value.isJsonNull() ? null : value.getAsString();
    }

    private static long seconds(Duration expiresIn) {
        if (expiresIn == null || expiresIn.toSeconds() < 1) {
            throw new IllegalArgumentException("expiresIn must be at least one second: " + expiresIn);
        }
        return expiresIn.toSeconds();
    }
}
