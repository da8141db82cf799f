package com.storymimi.studio.local.rest;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.storymimi.studio.local.db.Catalog;
import com.storymimi.studio.local.db.PgTimestamps;
import com.storymimi.studio.local.http.QueryParam;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * private.put_scene_media of supabase/migrations/20261207000006_media_trash.sql: a scene's image or narration URL
 * changes and the URL it replaces becomes a media trash item; an item of the scene holding the new URL leaves the
 * trash (its object is in use again).
 */
final class SceneMedia {

    private SceneMedia() {
    }

    /** The kind is 'image' or 'audio'; its column is kind + "_url". */
    static boolean isKind(String kind) {
        return "image".equals(kind) || "audio".equals(kind);
    }

    /** Points the scene (as read, to_jsonb-shaped) at {@code url}; returns the scene row afterwards. */
    static JsonObject put(Connection connection, Catalog catalog, RpcFunction.Caller caller, JsonObject scene,
                          String kind, String url) throws SQLException {
        String column = kind + "_url";
        String sceneId = TrashItems.text(scene, "scene_id");
        String old = TrashItems.text(scene, column);
        if (Objects.equals(old, url)) {
            return scene;
        }
        try (PreparedStatement update = connection.prepareStatement(
                "UPDATE scenes SET " + Catalog.quote(column) + " = ?, updated_at = ? WHERE scene_id = ?")) {
            update.setString(1, url);
            update.setString(2, PgTimestamps.format(Instant.now()));
            update.setString(3, sceneId);
            update.executeUpdate();
        }
        if (url != null) {
            try (PreparedStatement back = connection.prepareStatement("DELETE FROM trash WHERE kind = ? AND item_id = ?"
                    + " AND json_extract(rows, '$.media[0]." + column + "') = ?")) {
                back.setString(1, kind);
                back.setString(2, sceneId);
                back.setString(3, url);
                back.executeUpdate();
            }
        }
        if (old != null) {
            String storyId = TrashItems.text(scene, "story_id");
            String title = TrashItems.lookup(connection, "SELECT title FROM stories WHERE story_id = ?", storyId);
            JsonObject kept = new JsonObject();
            kept.addProperty("scene_id", sceneId);
            kept.addProperty(column, old);
            JsonArray media = new JsonArray();
            media.add(kept);
            TrashItems.add(connection, catalog, caller, new TrashItems.Entry(kind, sceneId,
                    TrashItems.label(TrashItems.text(scene, "text")), storyId, title, 0, 0, new JsonArray(),
                    new JsonArray(), new JsonArray(), media));
        }
        return TrashItems.rows(connection, catalog, "scenes", List.of(new QueryParam("scene_id", "eq." + sceneId)))
                .getFirst();
    }
}
