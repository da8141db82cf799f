package com.storymimi.studio.local.rest;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.storymimi.studio.local.db.Catalog;
import com.storymimi.studio.local.db.PgTimestamps;
import com.storymimi.studio.local.http.QueryParam;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The trash table of supabase/migrations/20261207000003_trash.sql as its functions use it: reading rows as
 * to_jsonb gives them, adding an item, and shifting a story's scene sequences the way one Postgres UPDATE
 * does under the deferrable unique (story_id, sequence).
 */
final class TrashItems {

    static final String TABLE = "trash";

    private TrashItems() {
    }

    static List<JsonObject> rows(Connection connection, Catalog catalog, String table, List<QueryParam> params)
            throws SQLException {
        return RpcRows.select(connection, catalog, table, params).stream()
                .map(json -> JsonParser.parseString(json).getAsJsonObject()).toList();
    }

    static JsonArray array(List<JsonObject> rows) {
        JsonArray array = new JsonArray();
        rows.forEach(array::add);
        return array;
    }

    /** What a new item holds besides its id, timestamps and who deleted it. */
    record Entry(String kind, String itemId, String label, String parentId, String parentLabel, int stories,
                 int scenes, JsonArray users, JsonArray storyRows, JsonArray sceneRows, JsonArray media) {

        Entry(String kind, String itemId, String label, String parentId, String parentLabel, int stories,
              int scenes, JsonArray users, JsonArray storyRows, JsonArray sceneRows) {
            this(kind, itemId, label, parentId, parentLabel, stories, scenes, users, storyRows, sceneRows, null);
        }
    }

    /** Inserts the item as deleted by the caller now; returns its trash_id. */
    static String add(Connection connection, Catalog catalog, RpcFunction.Caller caller, Entry entry) {
        JsonObject rows = new JsonObject();
        rows.add("users", entry.users());
        rows.add("stories", entry.storyRows());
        rows.add("scenes", entry.sceneRows());
        if (entry.media() != null) {
            rows.add("media", entry.media());
        }
        String trashId = UUID.randomUUID().toString();
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("trash_id", trashId);
        row.put("kind", entry.kind());
        row.put("item_id", entry.itemId());
        row.put("label", entry.label());
        row.put("parent_id", entry.parentId());
        row.put("parent_label", entry.parentLabel());
        row.put("story_count", (long) entry.stories());
        row.put("scene_count", (long) entry.scenes());
        row.put("rows", rows.toString());
        row.put("deleted_by", caller.uid());
        row.put("deleted_by_email", caller.email());
        row.put("deleted_at", PgTimestamps.format(Instant.now()));
        RpcRows.insert(connection, catalog.table(TABLE).orElseThrow(), row);
        return trashId;
    }

    /** {@code left(text, 80)}: what the Trash view shows of a scene. */
    static String label(String text) {
        return text.codePointCount(0, text.length()) <= 80 ? text : text.substring(0, text.offsetByCodePoints(0, 80));
    }

    /** {@code to_jsonb(item) - 'rows'}. */
    static String withoutRows(JsonObject item) {
        JsonObject copy = item.deepCopy();
        copy.remove("rows");
        return copy.toString();
    }

    static String text(JsonObject row, String column) {
        JsonElement value = row.get(column);
        return value == null || value.isJsonNull() ? null : value.getAsString();
    }

    /** One column of one row by primary key, or null. */
    static String lookup(Connection connection, String sql, String key) throws SQLException {
        try (PreparedStatement st = connection.prepareStatement(sql)) {
            st.setString(1, key);
            try (ResultSet rs = st.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        }
    }

    /** The story's highest scene sequence, 0 without scenes. */
    static long lastSequence(Connection connection, String storyId) throws SQLException {
        try (PreparedStatement st = connection.prepareStatement(
                "SELECT coalesce(max(sequence), 0) FROM scenes WHERE story_id = ?")) {
            st.setString(1, storyId);
            try (ResultSet rs = st.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    /**
     * {@code update scenes set sequence = sequence + by where story_id = ? and sequence >= from}, stamping
     * updated_at as the trigger does. SQLite checks the unique key row by row, so the rows are parked above
     * every sequence first.
     */
    static void shiftScenes(Connection connection, String storyId, long from, int by) throws SQLException {
        long above = lastSequence(connection, storyId) + 1;
        try (PreparedStatement park = connection.prepareStatement(
                "UPDATE scenes SET sequence = sequence + ? WHERE story_id = ? AND sequence >= ?");
             PreparedStatement place = connection.prepareStatement(
                     "UPDATE scenes SET sequence = sequence - ?, updated_at = ? WHERE story_id = ? AND sequence >= ?")) {
            park.setLong(1, above);
            park.setString(2, storyId);
            park.setLong(3, from);
            park.executeUpdate();
            place.setLong(1, above - by);
            place.setString(2, PgTimestamps.format(Instant.now()));
            place.setString(3, storyId);
            place.setLong(4, from + above);
            place.executeUpdate();
        }
    }
}
