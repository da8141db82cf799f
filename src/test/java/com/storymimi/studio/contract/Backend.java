package com.storymimi.studio.contract;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Objects;
import java.util.Set;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * One PostgREST-speaking server the contract cases run against. Paths are PostgREST paths ({@code /stories?...});
 * each backend maps them to its own root ({@code /rest/v1} behind the sandbox's gateway, none for bare PostgREST).
 * Every request carries the anon key as {@code apikey}, as supabase-js sends it; the caller decides the bearer.
 */
public abstract class Backend {

    private static final Set<String> IDEMPOTENT = Set.of("GET", "HEAD", "DELETE", "PUT");

    private static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    /** Who sends a request: a bearer token, or none (anon through the apikey alone). */
    public record Caller(String bearer) {
        public static final Caller NO_TOKEN = new Caller(null);
    }

    public abstract String name();

    /** The PostgREST root, e.g. {@code http://127.0.0.1:4000/rest/v1} or {@code http://127.0.0.1:3000}. */
    protected abstract String restRoot();

    protected abstract String anonKey();

    protected abstract String authenticatedToken();

    protected abstract String serviceKey();

    /** The HS256 secret the backend verifies JWTs with (to forge expired or odd-role tokens). */
    protected abstract byte[] jwtSecret();

    public Caller anon() {
        return new Caller(anonKey());
    }

    public Caller editor() {
        return new Caller(authenticatedToken());
    }

    public Caller service() {
        return new Caller(serviceKey());
    }

    /** A token with the given claims JSON, signed with the backend's secret. */
    public Caller signed(String claimsJson) {
        return new Caller(sign(claimsJson, jwtSecret()));
    }

    /** @param headers alternating names and values */
    public HttpResponse<String> send(Caller caller, String method, String path, String body, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(restRoot() + path))
                .timeout(Duration.ofSeconds(30))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
                .header("apikey", anonKey());
        if (body != null || !method.equals("GET") && !method.equals("HEAD")) {
            request.header("Content-Type", "application/json");
        }
        if (caller.bearer() != null) {
            request.header("Authorization", "Bearer " + caller.bearer());
        }
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        try {
            try {
                return CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            } catch (IOException staleConnection) {
                // Real PostgREST (warp) may close a kept-alive connection after a HEAD; the pool only notices on
                // the next request. Requests that are safe to repeat get one more try on a fresh connection.
                if (!IDEMPOTENT.contains(method)) {
                    throw staleConnection;
                }
                return CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(name() + ": " + method + " " + path + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static String sign(String claimsJson, byte[] secret) {
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        String head = b64.encodeToString("{\"alg\":\"HS256\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8))
                + "." + b64.encodeToString(claimsJson.getBytes(StandardCharsets.UTF_8));
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(Objects.requireNonNull(secret), "HmacSHA256"));
            return head + "." + b64.encodeToString(mac.doFinal(head.getBytes(StandardCharsets.US_ASCII)));
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public String toString() {
        return name();
    }
}
