package com.storymimi.studio.supabase.http;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;

import java.util.Locale;
import java.util.Set;

/**
 * Recognises "your access token has expired" in each service's own words (protocol doc E5): PostgREST 401
 * PGRST301/PGRST303, Storage {@code statusCode "403"} (sent as HTTP 400) or a plain-text TUS 403 about the
 * {@code exp} claim, GoTrue 403 {@code bad_jwt}.
 */
final class ExpiredTokenSignal {

    private static final Set<String> POSTGREST_JWT_CODES = Set.of("PGRST301", "PGRST303");

    private ExpiredTokenSignal() {
    }

    static boolean matches(SupabaseApi api, ApiResponse response) {
        if (response.isSuccess()) {
            return false;
        }
        JsonObject body = parse(response.bodyText());
        return switch (api) {
            case REST -> response.status() == 401 && (POSTGREST_JWT_CODES.contains(text(body, "code"))
                    || text(body, "message").contains("JWT expired"));
            case STORAGE -> storageSaysExpired(response, body);
            case AUTH -> response.status() == 403 && ("bad_jwt".equals(text(body, "code"))
                    || "bad_jwt".equals(text(body, "error_code"))
                    || response.header("x-sb-error-code").filter("bad_jwt"::equals).isPresent());
        };
    }

    private static boolean storageSaysExpired(ApiResponse response, JsonObject body) {
        if (body.size() == 0) {
            // TUS routes answer with their real status and a plain-text message
            return response.status() == 403 && response.bodyText().toLowerCase(Locale.ROOT).contains("exp");
        }
        String message = text(body, "message").toLowerCase(Locale.ROOT);
        return "403".equals(text(body, "statusCode"))
                && ("InvalidJWT".equalsIgnoreCase(text(body, "code")) || message.contains("exp"));
    }

    private static JsonObject parse(String text) {
        try {
            JsonElement element = JsonParser.parseString(text);
            return element.isJsonObject() ? element.getAsJsonObject() : new JsonObject();
        } catch (JsonParseException e) {
            return new JsonObject();
        }
    }

    private static String text(JsonObject json, String name) {
        JsonElement value = json.get(name);
        return value == null || !value.isJsonPrimitive() ? "" : value.getAsString();
    }
}
