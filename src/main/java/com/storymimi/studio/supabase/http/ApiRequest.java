package com.storymimi.studio.supabase.http;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
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
    private final RequestBody body;
    private final Credentials credentials;
    private final Duration timeout;
    private final boolean idempotent;
    private final Path responseFile;

    private ApiRequest(SupabaseApi api, String method, String path, QueryString query, Map<String, String> headers,
                       RequestBody body, Credentials credentials, Duration timeout, boolean idempotent,
                       Path responseFile) {
        this.api = Objects.requireNonNull(api, "api");
        this.method = method.toUpperCase(Locale.ROOT);
        this.path = requirePath(path);
        this.query = Objects.requireNonNull(query, "query");
        this.headers = headers;
        this.body = body;
        this.credentials = Objects.requireNonNull(credentials, "credentials");
        this.timeout = timeout;
        this.idempotent = idempotent;
        this.responseFile = responseFile;
    }

    /**
     * A request for {@code path}, which must start with {@code /} and be percent-encoded already
     * (segments through {@link QueryString#encode(String)}), e.g. {@code /rest/v1/users}.
     */
    public static ApiRequest of(SupabaseApi api, String method, String path) {
        return new ApiRequest(api, method, path, QueryString.empty(), emptyHeaders(), null,
                Credentials.SESSION_OR_KEY, null, false, null);
    }

    public ApiRequest withQuery(QueryString newQuery) {
        return new ApiRequest(api, method, path, newQuery, headers, body, credentials, timeout, idempotent,
                responseFile);
    }

    /** A copy with the header set (replacing any value of the same name, compared case-insensitively). */
    public ApiRequest withHeader(String name, String value) {
        TreeMap<String, String> copy = emptyHeaders();
        copy.putAll(headers);
        copy.put(name, Objects.requireNonNull(value, name));
        return new ApiRequest(api, method, path, query, Collections.unmodifiableMap(copy), body, credentials, timeout,
                idempotent, responseFile);
    }

    public ApiRequest withBody(byte[] newBody) {
        return withBody(newBody == null ? null : RequestBody.ofBytes(newBody));
    }

    /** A copy sending {@code newBody} (bytes, a streamed file or a buffer slice); null sends no body. */
    public ApiRequest withBody(RequestBody newBody) {
        return new ApiRequest(api, method, path, query, headers, newBody, credentials, timeout, idempotent,
                responseFile);
    }

    public ApiRequest withJsonBody(String json) {
        return withBody(json.getBytes(StandardCharsets.UTF_8));
    }

    public ApiRequest withCredentials(Credentials newCredentials) {
        return new ApiRequest(api, method, path, query, headers, body, newCredentials, timeout, idempotent,
                responseFile);
    }

    /** Overrides the client's request timeout for this request only (e.g. a long upload). */
    public ApiRequest withTimeout(Duration newTimeout) {
        return new ApiRequest(api, method, path, query, headers, body, credentials, newTimeout, idempotent,
                responseFile);
    }

    /**
     * Declares that sending this request twice has the same effect as sending it once, so the pipeline may
     * retry it like a read; e.g. an insert of rows with client-generated ids and
     * {@code Prefer: resolution=ignore-duplicates}. Only the caller can know this of a POST.
     */
    public ApiRequest idempotent() {
        return new ApiRequest(api, method, path, query, headers, body, credentials, timeout, true, responseFile);
    }

    /**
     * Streams a 2xx response body into {@code file} (created or truncated, per attempt) instead of memory;
     * the {@link ApiResponse} then has an empty body. Error bodies are still read into memory.
     */
    public ApiRequest withResponseFile(Path file) {
        return new ApiRequest(api, method, path, query, headers, body, credentials, timeout, idempotent,
                Objects.requireNonNull(file, "file"));
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

    /** The bytes of an in-memory body; empty when there is no body or it is streamed (file, slice). */
    public Optional<byte[]> body() {
        return Optional.ofNullable(body).flatMap(RequestBody::bytes);
    }

    public Optional<RequestBody> requestBody() {
        return Optional.ofNullable(body);
    }

    /** Where a 2xx body is written, if it goes to a file (see {@link #withResponseFile}). */
    public Optional<Path> responseFile() {
        return Optional.ofNullable(responseFile);
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

    /**
     * True when sending this request again cannot apply it twice: reads, PUT (Storage and PostgREST put by
     * key), DELETE, and requests the caller marked {@link #idempotent()}. POST and PATCH are not, unless marked.
     */
    public boolean isRetrySafe() {
        return isIdempotentRead() || method.equals("PUT") || method.equals("DELETE") || idempotent;
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
