package com.storymimi.studio.supabase.error;

import com.google.gson.JsonObject;

import java.io.Serial;

/**
 * A Storage API error: {@code {"statusCode":"404","error":"not_found","message":…,"code":"NoSuchKey"}}.
 * Storage sends most errors as HTTP 400 with the real status only in the body, so callers decide on
 * {@link #statusCode()}, not on {@link #status()}.
 */
public final class StorageException extends SupabaseException {

    @Serial
    private static final long serialVersionUID = 1L;

    private final String statusCode;
    private final String error;
    private final String code;
    private final String serverMessage;

    public StorageException(int status, String statusCode, String error, String code, String message) {
        super(status, "Storage " + statusCode + (code == null ? "" : " " + code) + ": " + message, null);
        this.statusCode = statusCode;
        this.error = error;
        this.code = code;
        this.serverMessage = message;
    }

    /** Reads a Storage error body; like storage-js, the semantic status falls back to the HTTP status. */
    public static StorageException fromBody(int status, String body) {
        JsonObject json = ErrorBodies.parseObject(body);
        String statusCode = ErrorBodies.text(json, "statusCode");
        return new StorageException(status, statusCode == null ? Integer.toString(status) : statusCode,
                ErrorBodies.text(json, "error"), ErrorBodies.text(json, "code"),
                ErrorBodies.firstText(json, "message").orElse(ErrorBodies.fallbackMessage(status, body)));
    }

    /** The semantic status from the body ({@code "404"} for a missing object sent as HTTP 400). */
    public String statusCode() {
        return statusCode;
    }

    /** The legacy label, e.g. {@code not_found}, {@code Duplicate}. */
    public String error() {
        return error;
    }

    /** The error code, e.g. {@code NoSuchKey}; null on older servers. */
    public String code() {
        return code;
    }

    public String message() {
        return serverMessage;
    }
}
