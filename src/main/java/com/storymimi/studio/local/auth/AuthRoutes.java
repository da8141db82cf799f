package com.storymimi.studio.local.auth;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.storymimi.studio.local.http.BodyTooLargeException;
import com.storymimi.studio.local.http.Request;
import com.storymimi.studio.local.http.Response;
import com.storymimi.studio.local.http.RouteGroup;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * {@code /auth/v1}: the GoTrue subset a content client needs: password sign-in, refresh with rotation,
 * the current user, logout, health. Access tokens carry Supabase's claims and last one hour.
 */
public final class AuthRoutes implements RouteGroup {

    private static final long ACCESS_TOKEN_SECONDS = 3600;
    private static final int MAX_BODY = 1024 * 1024;

    private final ApiKeyGate gate;
    private final JwtCodec jwt;
    private final AuthStore store;
    private final Supplier<String> issuer;
    private final SignInLimiter limiter;

    /** @param issuer the {@code iss} claim, e.g. http://127.0.0.1:54321/auth/v1 (known once the port is bound) */
    public AuthRoutes(ApiKeyGate gate, JwtCodec jwt, AuthStore store, Supplier<String> issuer) {
        this.gate = gate;
        this.jwt = jwt;
        this.store = store;
        this.issuer = issuer;
        this.limiter = new SignInLimiter(jwt.clock());
    }

    @Override
    public Response handle(Request request) throws IOException, SQLException {
        boolean versioned = request.header(AuthException.API_VERSION_HEADER).isPresent();
        try {
            gate.requireApiKey(request);
            return route(request);
        } catch (AuthException e) {
            throw e.shaped(versioned);
        }
    }

    private Response route(Request request) throws IOException, SQLException {
        String route = request.method() + " " + request.path();
        return switch (route) {
            case "POST /token" -> token(request);
            case "GET /user" -> Response.json(200, currentUser(request).toJson().toString());
            case "POST /logout" -> logout(request);
            case "GET /health" -> Response.json(200,
                    "{\"version\":\"sandbox\",\"name\":\"GoTrue\",\"description\":\"StoryMimi local sandbox auth\"}");
            default -> throw new AuthException(404, "not_found", "Unsupported endpoint " + route);
        };
    }

    private Response token(Request request) throws IOException, SQLException {
        String grant = request.queryValue("grant_type").orElse("");
        JsonObject body = jsonBody(request);
        AuthStore.Session session = switch (grant) {
            case "password" -> passwordSignIn(request, text(body, "email").strip(), text(body, "password"));
            case "refresh_token" -> {
                String token = text(body, "refresh_token");
                if (token.isEmpty()) {
                    throw new AuthException(400, "refresh_token_not_found",
                            "Invalid Refresh Token: Refresh Token Not Found");
                }
                yield store.refresh(token);
            }
            default -> throw new AuthException(400, "unsupported_grant_type", "Unsupported grant type");
        };
        return Response.json(200, sessionJson(session).toString());
    }

    private AuthStore.Session passwordSignIn(Request request, String email, String password) throws SQLException {
        limiter.check(email, request.remoteAddress());
        Optional<AuthStore.Session> session = store.signIn(email, password);
        if (session.isEmpty()) {
            limiter.failed(email, request.remoteAddress());
            throw new AuthException(400, "invalid_credentials", "Invalid login credentials");
        }
        return session.get();
    }

    private JsonObject sessionJson(AuthStore.Session session) {
        long now = jwt.clock().instant().getEpochSecond();
        AuthUser user = session.user();
        JsonObject claims = new JsonObject();
        claims.addProperty("iss", issuer.get());
        claims.addProperty("sub", user.id());
        claims.addProperty("aud", "authenticated");
        claims.addProperty("exp", now + ACCESS_TOKEN_SECONDS);
        claims.addProperty("iat", now);
        claims.addProperty("email", user.email());
        claims.addProperty("phone", "");
        claims.add("app_metadata", AuthUser.appMetadata());
        claims.add("user_metadata", new JsonObject());
        claims.addProperty("role", Role.AUTHENTICATED.claim());
        claims.addProperty("aal", "aal1");
        JsonObject amr = new JsonObject();
        amr.addProperty("method", "password");
        amr.addProperty("timestamp", now);
        JsonArray amrs = new JsonArray();
        amrs.add(amr);
        claims.add("amr", amrs);
        claims.addProperty("session_id", session.id());
        claims.addProperty("is_anonymous", false);
        JsonObject json = new JsonObject();
        json.addProperty("access_token", jwt.sign(claims));
        json.addProperty("token_type", "bearer");
        json.addProperty("expires_in", ACCESS_TOKEN_SECONDS);
        json.addProperty("expires_at", now + ACCESS_TOKEN_SECONDS);
        json.addProperty("refresh_token", session.refreshToken());
        json.add("user", user.toJson());
        return json;
    }

    private Response logout(Request request) throws SQLException {
        JsonObject claims = verifiedUserClaims(request);
        String scope = request.queryValue("scope").orElse("global");
        store.signOut(claims.get("sub").getAsString(), claims.get("session_id").getAsString(), scope);
        return Response.empty(204);
    }

    private AuthUser currentUser(Request request) throws SQLException {
        JsonObject claims = verifiedUserClaims(request);
        return store.user(claims.get("sub").getAsString())
                .orElseThrow(() -> new AuthException(403, "user_not_found", "User from sub claim in JWT does not exist"));
    }

    /** GoTrue checks access tokens strictly (no leeway) and requires a live session. */
    private JsonObject verifiedUserClaims(Request request) throws SQLException {
        String token = ApiKeyGate.bearerToken(request).orElseThrow(() -> new AuthException(401, "no_authorization",
                "This endpoint requires a valid Bearer token"));
        JsonObject claims;
        try {
            claims = jwt.verify(token, Duration.ZERO);
        } catch (JwtException e) {
            throw new AuthException(403, "bad_jwt", "invalid JWT: unable to parse or verify signature, " + e.getMessage());
        }
        if (!claims.has("sub") || !claims.has("session_id")) {
            throw new AuthException(403, "bad_jwt", "invalid claim: missing sub claim");
        }
        if (!store.sessionExists(claims.get("session_id").getAsString())) {
            throw new AuthException(403, "session_not_found", "Session from session_id claim in JWT does not exist");
        }
        return claims;
    }

    private static JsonObject jsonBody(Request request) throws IOException {
        String text;
        try {
            text = new String(request.bodyBytes(MAX_BODY), StandardCharsets.UTF_8);
        } catch (BodyTooLargeException e) {
            throw new AuthException(413, "request_too_large", "The request body is larger than 1 MiB");
        }
        try {
            JsonElement json = JsonParser.parseString(text.isBlank() ? "{}" : text);
            if (json.isJsonObject()) {
                return json.getAsJsonObject();
            }
        } catch (RuntimeException e) {
            // reported below
        }
        throw new AuthException(400, "bad_json", "Could not parse request body as JSON");
    }

    private static String text(JsonObject body, String name) {
        JsonElement value = body.get(name);
        return value != null && value.isJsonPrimitive() ? value.getAsString() : "";
    }
}
