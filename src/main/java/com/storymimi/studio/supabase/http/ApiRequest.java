package com.storymimi.studio.supabase.http;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Collections;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * One request as the service clients describe it: relative to the project URL, with decoded query
 * parameters. The pipeline adds base URL, credentials, timeout and client headers. Immutable.
 */
public final class ApiRequest {

    private final SupabaseApi api;
    private final String method;
    private final String path;
    private final QueryString query;
    private final Map<String, String> headers;
    private final byte[] body;
    private final Credentials credentials;
    private final Duration timeout;

    private ApiRequest(SupabaseApi api, String method, String path, QueryString query, Map<String, String> headers,
                       byte[] body, Credentials credentials, Duration timeout) {
        this.api = Objects.requireNonNull(api, "api");
        this.method = method.toUpperCase(Locale.ROOT);
        this.path = requirePath(path);
        this.query = Objects.requireNonNull(query, "query");
        this.headers = headers;
        this.body = body;
        this.credentials = Objects.requireNonNull(credentials, "credentials");
        this.timeout = timeout;
    }

    /**
     * A request for {@code path}, which must start with {@code /} and be percent-encoded already
     * (segments through {@link QueryString#encode(String)}), e.g. {@code /rest/v1/users}.
     */
    public static ApiRequest of(SupabaseApi api, String method, String path) {
        return new ApiRequest(api, method, path, QueryString.empty(), emptyHeaders(), null,
                Credentials.SESSION_OR_KEY, null);
    }

    public ApiRequest withQuery(QueryString newQuery) {
        return new ApiRequest(api, method, path, newQuery, headers, body, credentials, timeout);
    }

    /** A copy with the header set (replacing any value of the same name, compared case-insensitively). */
    public ApiRequest withHeader(String name, String value) {
        TreeMap<String, String> copy = emptyHeaders();
        copy.putAll(headers);
        copy.put(name, Objects.requireNonNull(value, name));
        return new ApiRequest(api, method, path, query, Collections.unmodifiableMap(copy), body, credentials, timeout);
    }

    public ApiRequest withBody(byte[] newBody) {
        return new ApiRequest(api, method, path, query, headers, newBody == null ? null : newBody.clone(),
                credentials, timeout);
    }

    public ApiRequest withJsonBody(String json) {
        return withBody(json.getBytes(StandardCharsets.UTF_8));
    }

    public ApiRequest withCredentials(Credentials newCredentials) {
        return new ApiRequest(api, method, path, query, headers, body, newCredentials, timeout);
    }

    /** Overrides the client's request timeout for this request only (e.g. a long upload). */
    public ApiRequest withTimeout(Duration newTimeout) {
        return new ApiRequest(api, method, path, query, headers, body, credentials, newTimeout);
    }

    public SupabaseApi api() {
        return api;
    }

    public String method() {
        return method;
    }

    public String path() {
        return path;
    }

    public QueryString query() {
        return query;
    }

    /** Headers set so far, case-insensitive names. */
    public Map<String, String> headers() {
        return headers;
    }

    public Optional<String> header(String name) {
        return Optional.ofNullable(headers.get(name));
    }

    public Optional<byte[]> body() {
        return Optional.ofNullable(body).map(byte[]::clone);
    }

    public Credentials credentials() {
        return credentials;
    }

    public Optional<Duration> timeout() {
        return Optional.ofNullable(timeout);
    }

    /** GET and HEAD do not change anything on the server, so repeating them is safe. */
    public boolean isIdempotentRead() {
        return method.equals("GET") || method.equals("HEAD");
    }

    /** {@code GET /rest/v1/users?select=…} with credential parameters redacted; safe for logs and messages. */
    public String describe() {
        return method + " " + path + (query.isEmpty() ? "" : "?" + query.redacted());
    }

    @Override
    public String toString() {
        return describe();
    }

    private static TreeMap<String, String> emptyHeaders() {
        return new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    }

    private static String requirePath(String path) {
        if (path == null || !path.startsWith("/")) {
            throw new IllegalArgumentException("path must start with '/': " + path);
        }
        return path;
    }
}
