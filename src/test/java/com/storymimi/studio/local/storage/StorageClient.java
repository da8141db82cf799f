package com.storymimi.studio.local.storage;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.storymimi.studio.local.SandboxFixture;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Storage requests as the three kinds of caller, over the fixture's real HTTP client. */
final class StorageClient {

    enum As { ANON, EDITOR, SERVICE, NOBODY }

    private final SandboxFixture fx;
    private final String editorToken;

    StorageClient(SandboxFixture fx) {
        this.fx = fx;
        this.editorToken = fx.editorAccessToken();
    }

    SandboxFixture fixture() {
        return fx;
    }

    String editorToken() {
        return editorToken;
    }

    /** @param headers alternating names and values, added after the caller's key and bearer */
    HttpResponse<byte[]> send(As as, String method, String path, byte[] body, String... headers) {
        List<String> all = new ArrayList<>();
        switch (as) {
            case ANON -> all.addAll(List.of("apikey", fx.sandbox.anonKey(), "Authorization", "Bearer " + fx.sandbox.anonKey()));
            case EDITOR -> all.addAll(List.of("apikey", fx.sandbox.anonKey(), "Authorization", "Bearer " + editorToken));
            case SERVICE -> all.addAll(List.of("apikey", fx.sandbox.serviceRoleKey(),
                    "Authorization", "Bearer " + fx.sandbox.serviceRoleKey()));
            case NOBODY -> {
            }
        }
        all.addAll(List.of(headers));
        return fx.http.sendBytes(method, "/storage/v1" + path, body, all.toArray(String[]::new));
    }

    HttpResponse<byte[]> json(As as, String method, String path, String json, String... headers) {
        List<String> all = new ArrayList<>(List.of("Content-Type", "application/json"));
        all.addAll(List.of(headers));
        return send(as, method, path, json == null ? null : json.getBytes(StandardCharsets.UTF_8),
                all.toArray(String[]::new));
    }

    HttpResponse<byte[]> upload(As as, String bucketAndKey, byte[] bytes, String contentType, String... headers) {
        List<String> all = new ArrayList<>(List.of("Content-Type", contentType));
        all.addAll(List.of(headers));
        return send(as, "POST", "/object/" + bucketAndKey, bytes, all.toArray(String[]::new));
    }

    void createBucket(String json) {
        HttpResponse<byte[]> response = json(As.SERVICE, "POST", "/bucket", json);
        assertEquals(200, response.statusCode(), () -> text(response));
    }

    static String text(HttpResponse<byte[]> response) {
        return new String(response.body(), StandardCharsets.UTF_8);
    }

    static JsonElement body(HttpResponse<byte[]> response) {
        return JsonParser.parseString(text(response));
    }

    static JsonObject object(HttpResponse<byte[]> response) {
        return body(response).getAsJsonObject();
    }

    /** Storage's error shape: HTTP 400 for every non-500 error, the semantic status only in the body. */
    static void assertStorageError(HttpResponse<byte[]> response, String statusCode, String code, String error,
                                   String message) {
        assertEquals(400, response.statusCode(), () -> "Storage sends non-500 errors as HTTP 400: " + text(response));
        JsonObject body = object(response);
        assertEquals(statusCode, body.get("statusCode").getAsString(), () -> text(response));
        assertEquals(code, body.get("code").getAsString(), () -> text(response));
        assertEquals(error, body.get("error").getAsString(), () -> text(response));
        if (message != null) {
            assertEquals(message, body.get("message").getAsString(), () -> text(response));
        }
    }
}
