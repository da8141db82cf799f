package com.storymimi.studio.supabase.error;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;

import java.util.Optional;

/** Lenient reading of error bodies: proxies answer with HTML or nothing, and the status must survive that. */
final class ErrorBodies {

    private ErrorBodies() {
    }

    static JsonObject parseObject(String body) {
        if (body == null || body.isBlank()) {
            return new JsonObject();
        }
        try {
            JsonElement element = JsonParser.parseString(body);
            return element.isJsonObject() ? element.getAsJsonObject() : new JsonObject();
        } catch (JsonParseException e) {
            return new JsonObject();
        }
    }

    /** A member as text: strings as they are, other values (numbers, arrays) as JSON; null when absent or null. */
    static String text(JsonObject json, String name) {
        JsonElement value = json.get(name);
        if (value == null || value.isJsonNull()) {
            return null;
        }
        return value.isJsonPrimitive() ? value.getAsString() : value.toString();
    }

    static Optional<String> firstText(JsonObject json, String... names) {
        for (String name : names) {
            String value = text(json, name);
            if (value != null && !value.isBlank()) {
                return Optional.of(value);
            }
        }
        return Optional.empty();
    }

    /** A message for bodies that are not the service's JSON; the body is not echoed (it may be a whole page). */
    static String fallbackMessage(int status, String body) {
        return "HTTP " + status + (body == null || body.isBlank() ? " with an empty body" : " with an unreadable body");
    }
}
