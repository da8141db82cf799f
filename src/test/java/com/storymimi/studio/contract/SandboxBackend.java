package com.storymimi.studio.contract;

import com.google.gson.JsonParser;
import com.storymimi.studio.local.LocalSandbox;
import com.storymimi.studio.local.SandboxOptions;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;

/** The embedded sandbox, started once per test JVM on port 0 in a temporary directory, editor signed in. */
final class SandboxBackend extends Backend {

    private static SandboxBackend instance;

    private final LocalSandbox sandbox;
    private final String editorToken;
    private final byte[] secret;

    private SandboxBackend(Path dir) throws IOException {
        sandbox = LocalSandbox.start(new SandboxOptions(dir, 0, false));
        Runtime.getRuntime().addShutdownHook(new Thread(sandbox::close));
        editorToken = signIn();
        String workspace = Files.readString(dir.resolve("workspace.json"));
        secret = Base64.getDecoder().decode(JsonParser.parseString(workspace).getAsJsonObject()
                .get("jwt_secret").getAsString());
    }

    static synchronized SandboxBackend get() {
        if (instance == null) {
            try {
                instance = new SandboxBackend(Files.createTempDirectory("contract-sandbox"));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return instance;
    }

    private String signIn() throws IOException {
        String body = "{\"email\":\"" + sandbox.editorEmail() + "\",\"password\":\"" + sandbox.editorPassword() + "\"}";
        HttpRequest request = HttpRequest.newBuilder(URI.create(sandbox.baseUrl() + "/auth/v1/token?grant_type=password"))
                .header("apikey", sandbox.anonKey()).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        try (HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build()) {
            HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IOException("sandbox sign-in failed with " + response.statusCode());
            }
            return JsonParser.parseString(response.body()).getAsJsonObject().get("access_token").getAsString();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
    }

    @Override
    public String name() {
        return "sandbox";
    }

    @Override
    protected String restRoot() {
        return sandbox.baseUrl() + "/rest/v1";
    }

    @Override
    protected String anonKey() {
        return sandbox.anonKey();
    }

    @Override
    protected String authenticatedToken() {
        return editorToken;
    }

    @Override
    protected String serviceKey() {
        return sandbox.serviceRoleKey();
    }

    @Override
    protected byte[] jwtSecret() {
        return secret.clone();
    }
}
