package com.storymimi.studio.local.auth;

import com.google.gson.JsonObject;
import com.storymimi.studio.local.http.ApiException;
import com.storymimi.studio.local.http.Response;

/**
 * A GoTrue error. With {@code X-Supabase-Api-Version} the body is {"code","message"} plus the
 * {@code x-sb-error-code} header; without it, the legacy {"code":status,"error_code","msg"}.
 */
public final class AuthException extends ApiException {

    private static final long serialVersionUID = 1L;

    private final int status;
    private final String errorCode;
    private final boolean versioned;

    public AuthException(int status, String errorCode, String message) {
        this(status, errorCode, message, true);
    }

    private AuthException(int status, String errorCode, String message, boolean versioned) {
        super(message);
        this.status = status;
        this.errorCode = errorCode;
        this.versioned = versioned;
    }

    public String errorCode() {
        return errorCode;
    }

    AuthException shaped(boolean apiVersioned) {
        return new AuthException(status, errorCode, getMessage(), apiVersioned);
    }

    @Override
    public Response toResponse() {
        JsonObject body = new JsonObject();
        if (versioned) {
            body.addProperty("code", errorCode);
            body.addProperty("message", getMessage());
        } else {
            body.addProperty("code", status);
            body.addProperty("error_code", errorCode);
            body.addProperty("msg", getMessage());
        }
        return Response.json(status, body.toString()).header("x-sb-error-code", errorCode);
    }
}
