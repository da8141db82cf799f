package com.storymimi.studio.local.http;

import com.sun.net.httpserver.Headers;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.util.List;
import java.util.Optional;

/**
 * An incoming request as the route groups see it: method, the path below the group's mount (still raw,
 * each service decodes segments its own way), decoded query parameters, headers and the body stream.
 */
public final class Request {

    private final String method;
    private final String path;
    private final List<QueryParam> query;
    private final Headers headers;
    private final InputStream body;
    private final InetAddress remoteAddress;

    public Request(String method, String path, List<QueryParam> query, Headers headers, InputStream body,
                   InetAddress remoteAddress) {
        this.method = method;
        this.path = path;
        this.query = List.copyOf(query);
        this.headers = headers;
        this.body = body;
        this.remoteAddress = remoteAddress;
    }

    /** The client's address (rate limits are per address). */
    public InetAddress remoteAddress() {
        return remoteAddress;
    }

    public String method() {
        return method;
    }

    /** The raw (not percent-decoded) path below the mount point, starting with '/' or empty. */
    public String path() {
        return path;
    }

    public List<QueryParam> query() {
        return query;
    }

    public Optional<String> queryValue(String key) {
        return query.stream().filter(p -> p.key().equals(key)).map(QueryParam::value).findFirst();
    }

    public Optional<String> header(String name) {
        return Optional.ofNullable(headers.getFirst(name));
    }

    public List<String> headers(String name) {
        List<String> values = headers.get(name);
        return values == null ? List.of() : values;
    }

    public InputStream body() {
        return body;
    }

    /**
     * Reads the whole body, refusing more than {@code maxBytes} with a {@link BodyTooLargeException} after reading
     * at most one byte past the limit (the rest is never read: the router closes the connection on a 413).
     */
    public byte[] bodyBytes(int maxBytes) throws IOException {
        byte[] bytes = body.readNBytes(maxBytes + 1);
        if (bytes.length > maxBytes) {
            throw new BodyTooLargeException(maxBytes);
        }
        return bytes;
    }

    public Request withPath(String newPath) {
        return new Request(method, newPath, query, headers, body, remoteAddress);
    }
}
