package com.storymimi.studio.local.rest;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.storymimi.studio.local.db.ColumnType;
import com.storymimi.studio.local.db.DatabaseError;

import java.util.ArrayList;
import java.util.List;

/** Converts RPC arguments and jsonb fields the way Postgres casts them (text input syntax, {@code ->>}). */
final class RpcArguments {

    private RpcArguments() {
    }

    /** {@code json ->> key}: a string's value, other scalars and structures as JSON text, null for JSON null. */
    static String text(JsonElement object, String key) {
        if (object == null || !object.isJsonObject()) {
            return null;
        }
        return text(object.getAsJsonObject().get(key));
    }

    static String text(JsonElement value) {
        if (value == null || value.isJsonNull()) {
            return null;
        }
        if (value.isJsonPrimitive()) {
            return value.getAsString();
        }
        return value.toString();
    }

    /** A scalar argument of the given type; null when absent or JSON null. */
    static Object scalar(JsonObject args, String name, ColumnType type) {
        JsonElement value = args.get(name);
        return value == null || value.isJsonNull() ? null : type.fromJson(value);
    }

    /** A {@code uuid[]} argument: a JSON array or a Postgres array literal; null elements stay null. */
    static List<String> uuidArray(JsonElement value) {
        if (value == null || value.isJsonNull()) {
            return null;
        }
        List<String> raw = new ArrayList<>();
        if (value.isJsonArray()) {
            for (JsonElement element : value.getAsJsonArray()) {
                raw.add(element.isJsonNull() ? null : text(element));
            }
        } else if (value.isJsonPrimitive() && value.getAsString().strip().matches("\\{.*}")) {
            String body = value.getAsString().strip();
            body = body.substring(1, body.length() - 1).strip();
            if (!body.isEmpty()) {
                for (String part : body.split(",")) {
                    String element = part.strip().replace("\"", "");
                    raw.add(element.equalsIgnoreCase("NULL") ? null : element);
                }
            }
        } else {
            throw new DatabaseError("22P02", "malformed array literal: \"" + text(value) + "\"");
        }
        List<String> ids = new ArrayList<>();
        for (String element : raw) {
            ids.add(element == null ? null : (String) ColumnType.UUID.parseText(element));
        }
        return ids;
    }
}
