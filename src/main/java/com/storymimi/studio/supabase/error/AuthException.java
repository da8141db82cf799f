package com.storymimi.studio.supabase.error;

import com.google.gson.JsonObject;

import java.io.Serial;

/**
 * A GoTrue (Supabase Auth) error. Both body shapes are understood: {@code {"code":"invalid_credentials",
 * "message":…}} (API version 2024-01-01), the legacy {@code {"code":400,"error_code":…,"msg":…}} and the
 * OAuth-style {@code {"error":…,"error_description":…}}.
 */
public final class AuthException extends SupabaseException {

    @Serial
    private static final long serialVersionUID = 1L;

    private final String code;
    private final String serverMessage;

    public AuthException(int status, String code, String message) {
        super(status, "Auth " + status + (code == null ? "" : " " + code) + ": " + message, null);
        this.code = code;
        this.serverMessage = message;
    }

    /**
     * Reads a GoTrue error body. The message is taken as auth-js does: {@code msg}, then {@code message}, then
     * {@code error_description}, then {@code error}; the code from {@code error_code}, a string {@code code},
     * the {@code x-sb-error-code} header or the OAuth {@code error}.
     */
    public static AuthException fromBody(int status, String body, String errorCodeHeader) {
        JsonObject json = ErrorBodies.parseObject(body);
        String code = ErrorBodies.text(json, "error_code");
        if (code == null && json.has("code") && json.get("code").isJsonPrimitive()
                && json.get("code").getAsJsonPrimitive().isString()) {
            code = json.get("code").getAsString();
        }
        if (code == null) {
            code = errorCodeHeader;
        }
        if (code == null) {
            code = ErrorBodies.text(json, "error");
        }
        String message = ErrorBodies.firstText(json, "msg", "message", "error_description", "error")
                .orElse(ErrorBodies.fallbackMessage(status, body));
        return new AuthException(status, code, message);
    }

    /** The machine-readable code, e.g. {@code invalid_credentials}, {@code bad_jwt}; null when none was sent. */
    public String code() {
        return code;
    }

    public String message() {
        return serverMessage;
    }
}
