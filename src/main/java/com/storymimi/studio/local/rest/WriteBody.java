package com.storymimi.studio.local.rest;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.google.gson.Strictness;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;
import com.storymimi.studio.local.db.ColumnInfo;
import com.storymimi.studio.local.db.TableInfo;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The JSON body of an insert or update, checked against the table and converted to stored values:
 * strict JSON, known columns only (PGRST204), one key set for bulk inserts unless {@code columns=} is given,
 * and each value converted by its column type (22P02 and friends on bad input).
 */
final class WriteBody {

    private WriteBody() {
    }

    /** Rows to insert; a row map holds only the columns to write (absent ones take their DEFAULT). */
    static List<Map<String, Object>> insertRows(byte[] body, TableInfo table, Optional<List<String>> columnsParam,
                                               boolean missingDefault) {
        JsonElement json = parse(body);
        List<JsonObject> objects = new ArrayList<>();
        if (json.isJsonObject()) {
            objects.add(json.getAsJsonObject());
        } else if (json.isJsonArray()) {
            for (JsonElement element : json.getAsJsonArray()) {
                if (!element.isJsonObject()) {
                    throw PostgrestException.invalidBody("All array elements must be JSON objects");
                }
                objects.add(element.getAsJsonObject());
            }
        } else {
            throw PostgrestException.invalidBody("Empty or invalid json");
        }
        Set<String> columns = columnsParam.<Set<String>>map(LinkedHashSet::new).orElseGet(() -> commonKeys(objects));
        columns.forEach(c -> known(table, c));
        List<Map<String, Object>> rows = new ArrayList<>();
        for (JsonObject object : objects) {
            Map<String, Object> row = new LinkedHashMap<>();
            for (String column : columns) {
                ColumnInfo info = known(table, column);
                if (object.has(column)) {
                    row.put(column, info.type().fromJson(object.get(column)));
                } else if (!missingDefault) {
                    row.put(column, null);
                }
            }
            rows.add(row);
        }
        return rows;
    }

    /** The column values of a PATCH body. */
    static Map<String, Object> updateValues(byte[] body, TableInfo table) {
        JsonElement json = parse(body);
        if (!json.isJsonObject()) {
            throw PostgrestException.invalidBody("Empty or invalid json");
        }
        Map<String, Object> values = new LinkedHashMap<>();
        for (Map.Entry<String, JsonElement> entry : json.getAsJsonObject().entrySet()) {
            values.put(entry.getKey(), known(table, entry.getKey()).type().fromJson(entry.getValue()));
        }
        return values;
    }

    private static Set<String> commonKeys(List<JsonObject> objects) {
        if (objects.isEmpty()) {
            return new LinkedHashSet<>();
        }
        Set<String> keys = new LinkedHashSet<>(objects.getFirst().keySet());
        for (JsonObject object : objects) {
            if (!object.keySet().equals(keys)) {
                throw PostgrestException.invalidBody("All object keys must match");
            }
        }
        return keys;
    }

    private static ColumnInfo known(TableInfo table, String column) {
        return table.column(column).orElseThrow(() -> PostgrestException.unknownBodyColumn(table.name(), column));
    }

    private static JsonElement parse(byte[] body) {
        String text = new String(body, StandardCharsets.UTF_8);
        if (text.isBlank()) {
            throw PostgrestException.invalidBody("Empty or invalid json");
        }
        try (JsonReader reader = new JsonReader(new StringReader(text))) {
            reader.setStrictness(Strictness.STRICT);
            JsonElement element = JsonParser.parseReader(reader);
            if (reader.peek() != JsonToken.END_DOCUMENT) {
                throw PostgrestException.invalidBody("Empty or invalid json");
            }
            return element;
        } catch (IOException | RuntimeException e) {
            if (e instanceof PostgrestException pe) {
                throw pe;
            }
            throw PostgrestException.invalidBody("Empty or invalid json");
        }
    }
}
