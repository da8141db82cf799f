package com.storymimi.studio.local.http;

import java.io.IOException;

/** A request body past the route's limit; only the limit and one byte more were read. */
public final class BodyTooLargeException extends IOException {

    private static final long serialVersionUID = 1L;

    private final int limit;

    public BodyTooLargeException(int limit) {
        super("Request body larger than " + limit + " bytes");
        this.limit = limit;
    }

    public int limit() {
        return limit;
    }
}
