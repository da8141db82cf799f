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
    static final String API_VERSION_HEADER = "X-Supabase-Api-Version";
    static final String API_VERSION = "2024-01-01";

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
        Response response = Response.json(status, body.toString()).header("x-sb-error-code", errorCode);
        // auth-js reads "code" only when the answer names its API version, as GoTrue's does.
        return versioned ? response.header(API_VERSION_HEADER, API_VERSION) : response;
    }
}
