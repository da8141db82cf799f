package com.storymimi.studio.local.http;

/**
 * An error that already knows its wire form. Each service has its own subclass (PostgREST, Storage, GoTrue,
 * the API gateway), and the router turns any of them into a response through {@link #toResponse()}.
 */
public abstract class ApiException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    protected ApiException(String message) {
        super(message, null, false, false);
    }

    public abstract Response toResponse();
}
