package com.storymimi.studio.local.auth;

import com.google.gson.JsonObject;
import com.storymimi.studio.local.http.ApiException;
import com.storymimi.studio.local.http.Response;

/** The API gateway's refusal, in the hosted gateway's shape: 401 {"message","hint"}. */
public final class GatewayException extends ApiException {

    private static final long serialVersionUID = 1L;

    private final String hint;

    private GatewayException(String message, String hint) {
        super(message);
        this.hint = hint;
    }

    public static GatewayException missingKey() {
        return new GatewayException("No API key found in request",
                "No `apikey` request header or url param was found.");
    }

    public static GatewayException invalidKey() {
        return new GatewayException("Invalid API key", "Double check your Supabase `anon` or `service_role` API key.");
    }

    @Override
    public Response toResponse() {
        JsonObject body = new JsonObject();
        body.addProperty("message", getMessage());
        body.addProperty("hint", hint);
        return Response.json(401, body.toString());
    }
}
