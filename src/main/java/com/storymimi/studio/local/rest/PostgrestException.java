package com.storymimi.studio.local.rest;

import com.google.gson.JsonObject;
import com.storymimi.studio.local.auth.Role;
import com.storymimi.studio.local.db.DatabaseError;
import com.storymimi.studio.local.http.ApiException;
import com.storymimi.studio.local.http.Response;

import java.util.LinkedHashMap;
import java.util.Map;

/** A PostgREST error: HTTP status plus the {"code","message","details","hint"} body. */
public final class PostgrestException extends ApiException {

    private static final long serialVersionUID = 1L;

    private final int status;
    private final String code;
    private final String details;
    private final String hint;
    private final transient Map<String, String> headers = new LinkedHashMap<>();

    public PostgrestException(int status, String code, String message, String details, String hint) {
        super(message);
        this.status = status;
        this.code = code;
        this.details = details;
        this.hint = hint;
    }

    public int status() {
        return status;
    }

    public String code() {
        return code;
    }

    public PostgrestException withHeader(String name, String value) {
        headers.put(name, value);
        return this;
    }

    /** A database error with PostgREST's SQLSTATE-to-HTTP mapping (42501 depends on the role). */
    public static PostgrestException fromDatabase(DatabaseError error, Role role) {
        return new PostgrestException(statusFor(error.sqlState(), role), error.sqlState(), error.getMessage(),
                error.details(), error.hint());
    }

    static int statusFor(String sqlState, Role role) {
        return switch (sqlState) {
            case "23505", "23503" -> 409;
            case "42501" -> role == Role.ANON ? 401 : 403;
            case "42P01", "42883" -> 404;
            case "25006" -> 405;
            case "55P03" -> 503;
            case "XX000" -> 500;
            default -> 400;
        };
    }

    static PostgrestException parseError(String message, String details) {
        return new PostgrestException(400, "PGRST100", message, details, null);
    }

    static PostgrestException invalidBody(String message) {
        return new PostgrestException(400, "PGRST102", message, null, null);
    }

    static PostgrestException undefinedColumn(String table, String column) {
        return new PostgrestException(400, "42703", "column " + table + "." + column + " does not exist", null, null);
    }

    static PostgrestException unknownTable(String table) {
        return new PostgrestException(404, "42P01", "relation \"public." + table + "\" does not exist", null, null);
    }

    static PostgrestException unknownBodyColumn(String table, String column) {
        return new PostgrestException(400, "PGRST204",
                "Could not find the '" + column + "' column of '" + table + "' in the schema cache", null, null);
    }

    static PostgrestException notSingular(int rows) {
        return new PostgrestException(406, "PGRST116", "JSON object requested, multiple (or no) rows returned",
                "Results contain " + rows + " rows, application/vnd.pgrst.object+json requires 1 row", null);
    }

    static PostgrestException notYetSupported(String what) {
        return new PostgrestException(400, "PGRST100", what + " is not supported by the local sandbox yet", null,
                null);
    }

    @Override
    public Response toResponse() {
        JsonObject body = new JsonObject();
        body.addProperty("code", code);
        body.addProperty("message", getMessage());
        body.addProperty("details", details);
        body.addProperty("hint", hint);
        Response response = Response.json(status, body.toString());
        headers.forEach(response::header);
        return response;
    }
}
