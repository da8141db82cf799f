package com.storymimi.studio.contract;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Assertions shared by the contract cases: JSON compared structurally (key order ignored). */
final class Check {

    private Check() {
    }

    static void status(int expected, HttpResponse<String> response) {
        assertEquals(expected, response.statusCode(), () -> "body: " + response.body());
    }

    /** Status and body, the body compared as JSON (key order and whitespace do not matter). */
    static void json(int status, String expectedJson, HttpResponse<String> response) {
        status(status, response);
        assertEquals(JsonParser.parseString(expectedJson), JsonParser.parseString(response.body()),
                () -> "body: " + response.body());
    }

    /** A PostgREST error body exactly: code, message, details, hint (null given as null). */
    static void error(int status, String code, String message, String details, String hint,
                      HttpResponse<String> response) {
        JsonObject expected = new JsonObject();
        expected.addProperty("code", code);
        expected.addProperty("message", message);
        expected.addProperty("details", details);
        expected.addProperty("hint", hint);
        json(status, expected.toString(), response);
        assertEquals("application/json; charset=utf-8", header(response, "Content-Type"));
    }

    static String header(HttpResponse<?> response, String name) {
        return response.headers().firstValue(name).orElse(null);
    }

    static JsonElement body(HttpResponse<String> response) {
        return JsonParser.parseString(response.body());
    }

    /** The values of one key of every row of an array body. */
    static List<String> column(HttpResponse<String> response, String key) {
        List<String> values = new ArrayList<>();
        body(response).getAsJsonArray().forEach(row -> {
            JsonElement value = row.getAsJsonObject().get(key);
            values.add(value.isJsonNull() ? null : value.getAsString());
        });
        return values;
    }

    static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
