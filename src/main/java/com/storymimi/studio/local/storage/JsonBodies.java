package com.storymimi.studio.local.storage;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import com.storymimi.studio.local.http.BodyTooLargeException;
import com.storymimi.studio.local.http.Request;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/** JSON request bodies of the Storage routes, with the schema errors Storage answers for them. */
final class JsonBodies {

    private static final int MAX_JSON = 1024 * 1024;

    private JsonBodies() {
    }

    /** The body as an object; an empty body counts as {} (Storage allows it on its POST routes). */
    static JsonObject object(Request request) throws IOException {
        byte[] bytes;
        try {
            bytes = request.bodyBytes(MAX_JSON);
        } catch (BodyTooLargeException e) {
            throw StorageException.tooLarge();
        }
        String text = new String(bytes, StandardCharsets.UTF_8).strip();
        if (text.isEmpty()) {
            return new JsonObject();
        }
        try {
            JsonElement parsed = JsonParser.parseString(text);
            if (!parsed.isJsonObject()) {
                throw StorageException.badRequest("body must be object");
            }
            return parsed.getAsJsonObject();
        } catch (JsonParseException e) {
            throw StorageException.badRequest("Body is not valid JSON");
        }
    }

    static String requiredString(JsonObject body, String field) {
        return optionalString(body, field)
                .orElseThrow(() -> StorageException.badRequest("body must have required property '" + field + "'"));
    }

    static Optional<String> optionalString(JsonObject body, String field) {
        JsonElement value = body.get(field);
        if (value == null || value.isJsonNull()) {
            return Optional.empty();
        }
        if (!value.isJsonPrimitive() || !value.getAsJsonPrimitive().isString()) {
            throw StorageException.badRequest("body/" + field + " must be string");
        }
        return Optional.of(value.getAsString());
    }

    static Optional<Long> optionalInteger(JsonObject body, String field, long minimum) {
        JsonElement value = body.get(field);
        if (value == null || value.isJsonNull()) {
            return Optional.empty();
        }
        try {
            double number = value.getAsDouble();
            if (!value.getAsJsonPrimitive().isNumber() || number != Math.rint(number)) {
                throw new NumberFormatException();
            }
            if (number < minimum) {
                throw StorageException.badRequest("body/" + field + " must be >= " + minimum);
            }
            return Optional.of((long) number);
        } catch (NumberFormatException | IllegalStateException | UnsupportedOperationException e) {
            throw StorageException.badRequest("body/" + field + " must be integer");
        }
    }

    static Optional<Boolean> optionalBoolean(JsonObject body, String field) {
        JsonElement value = body.get(field);
        if (value == null || value.isJsonNull()) {
            return Optional.empty();
        }
        if (!value.isJsonPrimitive() || !value.getAsJsonPrimitive().isBoolean()) {
            throw StorageException.badRequest("body/" + field + " must be boolean");
        }
        return Optional.of(value.getAsBoolean());
    }
}
