package com.storymimi.studio.local.rest;

import com.google.gson.JsonObject;
import com.storymimi.studio.local.auth.ApiKeyGate;
import com.storymimi.studio.local.auth.JwtCodec;
import com.storymimi.studio.local.auth.JwtException;
import com.storymimi.studio.local.auth.Role;
import com.storymimi.studio.local.db.Catalog;
import com.storymimi.studio.local.db.Database;
import com.storymimi.studio.local.db.DatabaseError;
import com.storymimi.studio.local.db.TableInfo;
import com.storymimi.studio.local.http.BodyTooLargeException;
import com.storymimi.studio.local.http.QueryParam;
import com.storymimi.studio.local.http.QueryStrings;
import com.storymimi.studio.local.http.Request;
import com.storymimi.studio.local.http.Response;
import com.storymimi.studio.local.http.RouteGroup;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * {@code /rest/v1}: the PostgREST subset, generic over the catalog. This class authenticates (gateway key,
 * then the bearer JWT with PostgREST's 30 s leeway), negotiates the response shape, parses the query, and
 * hands over to the read or write executor. Database errors become PostgREST errors here and only here.
 */
public final class RestRoutes implements RouteGroup {

    static final String SINGLE_OBJECT = "application/vnd.pgrst.object+json";
    private static final Duration JWT_LEEWAY = Duration.ofSeconds(30);
    private static final int MAX_BODY = 16 * 1024 * 1024;

    private final Catalog catalog;
    private final ApiKeyGate gate;
    private final JwtCodec jwt;
    private final ReadExecutor reads;
    private final WriteExecutor writes;
    private final RpcExecutor rpc;

    public RestRoutes(Catalog catalog, Database database, ApiKeyGate gate, JwtCodec jwt) {
        this.catalog = catalog;
        this.gate = gate;
        this.jwt = jwt;
        this.reads = new ReadExecutor(database);
        this.writes = new WriteExecutor(database);
        this.rpc = new RpcExecutor(database, catalog, reads);
    }

    @Override
    public Response handle(Request request) throws IOException {
        JsonObject claims = claims(request, gate.requireApiKey(request));
        Role role = role(claims);
        String path = request.path();
        if (path.isEmpty() || path.equals("/")) {
            return OpenApiRoot.describe(catalog);
        }
        String name = QueryStrings.decode(path.substring(1), false);
        checkProfile(request);
        try {
            if (name.startsWith("rpc/")) {
                return rpc.call(request, name.substring(4), role, RpcFunction.Caller.of(claims),
                        wantsSingleObject(request), params(request),
                        request.method().equals("POST") ? body(request) : null);
            }
            TableInfo table = catalog.table(name).orElseThrow(() -> PostgrestException.unknownTable(name));
            return dispatch(request, table, role, RpcFunction.Caller.of(claims));
        } catch (DatabaseError e) {
            throw PostgrestException.fromDatabase(e, role);
        } catch (java.sql.SQLException e) {
            throw PostgrestException.fromDatabase(new DatabaseError("XX000", "the sandbox database failed"), role);
        }
    }

    private Response dispatch(Request request, TableInfo table, Role role, RpcFunction.Caller caller)
            throws IOException, java.sql.SQLException {
        boolean read = request.method().equals("GET") || request.method().equals("HEAD");
        RestRequest rest = new RestRequest(table, SqlBuilder.Source.table(table), false, catalog,
                QueryStringParser.parse(params(request)), Preferences.parse(request.headers("Prefer")),
                wantsSingleObject(request), role,
                read ? RangeHeaders.parse(request.header("Range")) : Optional.empty(), caller);
        return switch (request.method()) {
            case "GET", "HEAD" -> reads.read(rest);
            case "POST" -> writes.insert(rest, body(request));
            case "PATCH" -> writes.update(rest, body(request));
            case "DELETE" -> writes.delete(rest);
            default -> throw new PostgrestException(405, "PGRST117", "Unsupported HTTP method: " + request.method(),
                    null, null);
        };
    }

    private static List<QueryParam> params(Request request) {
        return request.query().stream().filter(p -> !p.key().equals("apikey")).toList();
    }

    /** The bearer token's verified claims, or the API key's when there is no bearer token. */
    private JsonObject claims(Request request, JsonObject keyClaims) {
        var bearer = ApiKeyGate.bearerToken(request);
        if (bearer.isEmpty()) {
            return keyClaims;
        }
        try {
            return jwt.verify(bearer.get(), JWT_LEEWAY);
        } catch (JwtException e) {
            String message = postgrestWording(e.getMessage());
            throw new PostgrestException(401, "PGRST301", message, null, null).withHeader(
                    "WWW-Authenticate", "Bearer error=\"invalid_token\", error_description=\"" + message + "\"");
        }
    }

    private static Role role(JsonObject claims) {
        String claim = claims.has("role") ? claims.get("role").getAsString() : Role.ANON.claim();
        return Role.fromClaim(claim).orElseThrow(() -> new PostgrestException(400, "22023",
                "role \"" + claim + "\" does not exist", null, null));
    }

    /** PostgREST 12 reports a token that is not three dot-separated parts in its JOSE library's words. */
    private static String postgrestWording(String message) {
        java.util.regex.Matcher parts = java.util.regex.Pattern.compile("Expected 3 parts in JWT; got (\\d+)").matcher(message);
        return parts.matches() ? "JWSError (CompactDecodeError Invalid number of parts: Expected 3 parts; got "
                + parts.group(1) + ")" : message;
    }

    private static boolean wantsSingleObject(Request request) {
        String accept = request.header("Accept").orElse("*/*");
        for (String range : accept.split(",")) {
            String type = range.split(";")[0].strip().toLowerCase(Locale.ROOT);
            if (type.equals(SINGLE_OBJECT) || type.equals("application/vnd.pgrst.object")) {
                return true;
            }
            if (type.equals("application/json") || type.equals("*/*") || type.equals("application/*")
                    || type.isEmpty()) {
                return false;
            }
        }
        throw new PostgrestException(415, "PGRST107", "None of these media types are available: " + accept, null, null);
    }

    private static void checkProfile(Request request) {
        boolean read = request.method().equals("GET") || request.method().equals("HEAD");
        request.header(read ? "Accept-Profile" : "Content-Profile").filter(p -> !p.equals("public")).ifPresent(p -> {
            throw new PostgrestException(406, "PGRST106", "Invalid schema: " + p, null,
                    "Only the following schemas are exposed: public");
        });
    }

    private static byte[] body(Request request) throws IOException {
        try {
            return request.bodyBytes(MAX_BODY);
        } catch (BodyTooLargeException e) {
            throw PostgrestException.invalidBody("The request body is larger than " + MAX_BODY + " bytes");
        }
    }
}
