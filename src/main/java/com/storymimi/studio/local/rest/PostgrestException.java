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
    private boolean detailsAreJson;

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

    public String details() {
        return details;
    }

    public PostgrestException withHeader(String name, String value) {
        headers.put(name, value);
        return this;
    }

    /** PGRST201 carries its candidates as a JSON array in {@code details}. */
    PostgrestException withRawDetails() {
        detailsAreJson = true;
        return this;
    }

    /**
     * A database error with PostgREST's SQLSTATE-to-HTTP mapping (42501 depends on the role). Postgres hides
     * the row values of constraint errors from roles subject to row-level security (every public table has
     * it on): only service_role, which bypasses RLS, sees "Key (email)=(...) already exists.".
     */
    public static PostgrestException fromDatabase(DatabaseError error, Role role) {
        String details = error.details();
        if (role != Role.SERVICE_ROLE && details != null) {
            details = switch (error.sqlState()) {
                case "23505", "23502", "23514" -> null;
                case "23503" -> details.replaceFirst("^Key \\(.*?\\)=\\(.*\\) (is (not )?(present|still referenced))", "Key $1");
                default -> details;
            };
        }
        PostgrestException e = new PostgrestException(statusFor(error.sqlState(), role), error.sqlState(),
                error.getMessage(), details, error.hint());
        if (role == Role.ANON && error.sqlState().equals("42501")) {
            e.withHeader("WWW-Authenticate", "Bearer");
        }
        return e;
    }

    static int statusFor(String sqlState, Role role) {
        if (sqlState.matches("PT\\d{3}")) {
            return Integer.parseInt(sqlState.substring(2));
        }
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
                "Column '" + column + "' of relation '" + table + "' does not exist", null, null);
    }

    static PostgrestException notSingular(int rows) {
        return new PostgrestException(406, "PGRST116", "JSON object requested, multiple (or no) rows returned",
                "The result contains " + rows + " rows", null);
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
        if (detailsAreJson) {
            body.add("details", com.google.gson.JsonParser.parseString(details));
        } else {
            body.addProperty("details", details);
        }
        body.addProperty("hint", hint);
        Response response = Response.json(status, body.toString());
        headers.forEach(response::header);
        return response;
    }
}
