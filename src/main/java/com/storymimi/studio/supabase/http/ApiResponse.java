package com.storymimi.studio.supabase.http;

import java.net.http.HttpHeaders;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.Optional;

/** A response as the pipeline hands it back: status, headers and the whole body. */
public record ApiResponse(int status, HttpHeaders headers, byte[] body) {

    public ApiResponse {
        Objects.requireNonNull(headers, "headers");
        body = body == null ? new byte[0] : body;
    }

    public boolean isSuccess() {
        return status >= 200 && status < 300;
    }

    public Optional<String> header(String name) {
        return headers.firstValue(name);
    }

    public String bodyText() {
        return new String(body, StandardCharsets.UTF_8);
    }

    public boolean hasBody() {
        return body.length > 0;
    }
}
