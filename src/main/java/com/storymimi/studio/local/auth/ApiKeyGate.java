package com.storymimi.studio.local.auth;

import com.google.gson.JsonObject;
import com.storymimi.studio.local.http.Request;

import java.time.Duration;
import java.util.Optional;

/**
 * What Supabase's API gateway does before a request reaches REST, Auth or Storage: an {@code apikey} header
 * (or {@code ?apikey=}) must hold a project key, i.e. a JWT signed with the workspace secret whose role is
 * anon or service_role. It also finds the bearer token that the services then authenticate on their own.
 */
public final class ApiKeyGate {

    private final JwtCodec jwt;

    public ApiKeyGate(JwtCodec jwt) {
        this.jwt = jwt;
    }

    /** Returns the key's claims, or throws the gateway's 401. */
    public JsonObject requireApiKey(Request request) {
        String key = request.header("apikey").or(() -> request.queryValue("apikey")).orElse("");
        if (key.isBlank()) {
            throw GatewayException.missingKey();
        }
        try {
            JsonObject claims = jwt.verify(key.strip(), Duration.ZERO);
            String role = claims.has("role") ? claims.get("role").getAsString() : "";
            if (!role.equals(Role.ANON.claim()) && !role.equals(Role.SERVICE_ROLE.claim())) {
                throw GatewayException.invalidKey();
            }
            return claims;
        } catch (JwtException | RuntimeException e) {
            if (e instanceof GatewayException gateway) {
                throw gateway;
            }
            throw GatewayException.invalidKey();
        }
    }

    /** The token of an {@code Authorization: Bearer} header, if there is one. */
    public static Optional<String> bearerToken(Request request) {
        return request.header("Authorization")
                .filter(h -> h.regionMatches(true, 0, "Bearer ", 0, 7))
                .map(h -> h.substring(7).strip())
                .filter(t -> !t.isEmpty());
    }
}
