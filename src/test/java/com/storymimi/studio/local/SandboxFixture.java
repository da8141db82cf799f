package com.storymimi.studio.local;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.file.Path;

/** A started sandbox (empty, no demo data) plus the requests the tests repeat. */
public final class SandboxFixture implements AutoCloseable {

    public final LocalSandbox sandbox;
    public final SandboxHttp http;

    public SandboxFixture(Path dataDir) {
        this(new SandboxOptions(dataDir, 0, false));
    }

    public SandboxFixture(SandboxOptions options) {
        try {
            sandbox = LocalSandbox.start(options);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        http = new SandboxHttp(sandbox.baseUrl());
    }

    /** A request as the service role (apikey only, as supabase-js sends it without a session). */
    public HttpResponse<String> asService(String method, String path, String body, String... headers) {
        return http.send(method, path, body, withKey(sandbox.serviceRoleKey(), null, headers));
    }

    public HttpResponse<String> asAnon(String method, String path, String body, String... headers) {
        return http.send(method, path, body, withKey(sandbox.anonKey(), null, headers));
    }

    /** A request with the anon key as apikey and the signed-in editor's access token as bearer. */
    public HttpResponse<String> asEditor(String method, String path, String body, String... headers) {
        return http.send(method, path, body, withKey(sandbox.anonKey(), editorAccessToken(), headers));
    }

    public String editorAccessToken() {
        return signIn().get("access_token").getAsString();
    }

    public JsonObject signIn() {
        HttpResponse<String> response = http.send("POST", "/auth/v1/token?grant_type=password",
                "{\"email\":\"" + sandbox.editorEmail() + "\",\"password\":\"" + sandbox.editorPassword() + "\"}",
                "apikey", sandbox.anonKey(), "Content-Type", "application/json");
        if (response.statusCode() != 200) {
            throw new AssertionError("sign-in failed: " + response.body());
        }
        return JsonParser.parseString(response.body()).getAsJsonObject();
    }

    private static String[] withKey(String key, String bearer, String... headers) {
        int extra = bearer == null ? 4 : 6;
        String[] all = new String[headers.length + extra];
        all[0] = "apikey";
        all[1] = key;
        all[2] = "Content-Type";
        all[3] = "application/json";
        if (bearer != null) {
            all[4] = "Authorization";
            all[5] = "Bearer " + bearer;
        }
        System.arraycopy(headers, 0, all, extra, headers.length);
        return all;
    }

    public static JsonElement json(HttpResponse<String> response) {
        return JsonParser.parseString(response.body());
    }

    public static String header(HttpResponse<?> response, String name) {
        return response.headers().firstValue(name).orElse(null);
    }

    @Override
    public void close() {
        sandbox.close();
    }
}
