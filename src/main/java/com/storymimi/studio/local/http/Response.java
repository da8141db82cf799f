package com.storymimi.studio.local.http;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An outgoing response: status, headers and either bytes, a slice of a file, or nothing.
 * For HEAD requests the router sends the headers (with the body's length) and no body.
 */
public final class Response {

    public static final String JSON = "application/json; charset=utf-8";

    private final int status;
    private final Map<String, String> headers = new LinkedHashMap<>();
    private byte[] body;
    private Path file;
    private long fileOffset;
    private long fileLength;

    private Response(int status) {
        this.status = status;
    }

    public static Response empty(int status) {
        return new Response(status);
    }

    public static Response json(int status, String json) {
        return bytes(status, JSON, json.getBytes(StandardCharsets.UTF_8));
    }

    public static Response bytes(int status, String contentType, byte[] body) {
        Response response = new Response(status);
        response.body = body;
        response.header("Content-Type", contentType);
        return response;
    }

    /** Streams {@code length} bytes of {@code file} from {@code offset}. */
    public static Response file(int status, String contentType, Path file, long offset, long length) {
        Response response = new Response(status);
        response.file = file;
        response.fileOffset = offset;
        response.fileLength = length;
        response.header("Content-Type", contentType);
        return response;
    }

    public Response header(String name, String value) {
        headers.put(name, value);
        return this;
    }

    public int status() {
        return status;
    }

    public Map<String, String> headers() {
        return headers;
    }

    public byte[] body() {
        return body;
    }

    public Path file() {
        return file;
    }

    public long fileOffset() {
        return fileOffset;
    }

    /** Length of the body in bytes, or -1 when there is none. */
    public long contentLength() {
        if (body != null) {
            return body.length;
        }
        return file != null ? fileLength : -1;
    }
}
