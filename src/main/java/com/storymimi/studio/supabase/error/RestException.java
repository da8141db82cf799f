package com.storymimi.studio.supabase.error;

import com.google.gson.JsonObject;

import java.io.Serial;

/**
 * A PostgREST error: {@code {"code","message","details","hint"}}. {@link #code()} is a PostgREST code
 * ({@code PGRST116}) or a Postgres SQLSTATE ({@code 23505}).
 */
public final class RestException extends SupabaseException {

    @Serial
    private static final long serialVersionUID = 1L;

    /** Code used when a 2xx response could not be read as the type the caller asked for. */
    public static final String DECODE_FAILED = "CLIENT_DECODE";

    private final String code;
    private final String serverMessage;
    private final String details;
    private final String hint;

    public RestException(int status, String code, String message, String details, String hint) {
        this(status, code, message, details, hint, null);
    }

    public RestException(int status, String code, String message, String details, String hint, Throwable cause) {
        super(status, describe(status, code, message), cause);
        this.code = code;
        this.serverMessage = message;
        this.details = details;
        this.hint = hint;
    }

    /** Reads a PostgREST error body; anything unreadable still gives an exception carrying the status. */
    public static RestException fromBody(int status, String body) {
        JsonObject json = ErrorBodies.parseObject(body);
        String details = ErrorBodies.text(json, "details");
        return new RestException(status, ErrorBodies.text(json, "code"),
                ErrorBodies.firstText(json, "message").orElse(ErrorBodies.fallbackMessage(status, body)),
                details, ErrorBodies.text(json, "hint"));
    }

    public String code() {
        return code;
    }

    /** The server's own message, e.g. {@code duplicate key value violates unique constraint "users_email_key"}. */
    public String message() {
        return serverMessage;
    }

    /** Server details, e.g. {@code Key (email)=(a@b.c) already exists.}; null when absent. */
    public String details() {
        return details;
    }

    public String hint() {
        return hint;
    }

    private static String describe(int status, String code, String message) {
        return "PostgREST " + status + (code == null ? "" : " " + code) + ": " + message;
    }
}
