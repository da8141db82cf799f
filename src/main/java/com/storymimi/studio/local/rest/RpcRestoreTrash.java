package com.storymimi.studio.local.rest;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.storymimi.studio.local.db.Catalog;
import com.storymimi.studio.local.db.ColumnType;
import com.storymimi.studio.local.db.DatabaseError;
import com.storymimi.studio.local.db.TableInfo;
import com.storymimi.studio.local.http.QueryParam;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code restore_trash(p_trash_id uuid) returns jsonb}: the item's rows go back with their ids and timestamps
 * and the item leaves the trash. A scene returns to its position (or the end, when the story is shorter now).
 * PT404 no such item; 23503 the story's user or the scene's story is gone; 23505 a key is taken again.
 */
final class RpcRestoreTrash implements RpcFunction {

    @Override
    public String name() {
        return "restore_trash";
    }

    @Override
    public List<String> parameters() {
        return List.of("p_trash_id");
    }

    @Override
    public Set<String> required() {
        return Set.of("p_trash_id");
    }

    @Override
    public boolean writes() {
        return true;
    }

    @Override
    public String readOnlyError() {
        return "cannot execute SELECT FOR UPDATE in a read-only transaction";
    }

    @Override
    public Result call(Connection connection, Map<String, JsonElement> args, Context context) throws SQLException {
        String raw = RpcArguments.text(args.get("p_trash_id"));
        String trashId = raw == null ? null : (String) ColumnType.UUID.parseText(raw);
        Catalog catalog = context.catalog();
        List<JsonObject> found = trashId == null || !context.grants().selectRows() ? List.of()
                : TrashItems.rows(connection, catalog, TrashItems.TABLE, List.of(new QueryParam("trash_id", "eq." + trashId)));
        if (found.isEmpty()) {
            throw new DatabaseError("PT404", "trash item not found",
                    "No trash item with trash_id " + (trashId == null ? "" : trashId) + " is visible.", null);
        }
        JsonObject item = found.getFirst();
        JsonObject rows = item.getAsJsonObject("rows");
        String kind = TrashItems.text(item, "kind");
        switch (kind) {
            case "image", "audio" -> restoreMedia(connection, context, item, kind);
            case "story" -> {
                requireUser(connection, rows.getAsJsonArray("stories").get(0).getAsJsonObject());
                insertAll(connection, catalog, rows);
            }
            case "scene" -> restoreScene(connection, catalog, rows.getAsJsonArray("scenes").get(0).getAsJsonObject());
            default -> insertAll(connection, catalog, rows);
        }
        try (PreparedStatement delete = connection.prepareStatement("DELETE FROM trash WHERE trash_id = ?")) {
            delete.setString(1, trashId);
            delete.executeUpdate();
        }
        return new Result.Scalar(TrashItems.withoutRows(item));
    }

    /** The scene names the kept URL again; the one it named goes to the trash, this item leaves it. */
    private static void restoreMedia(Connection connection, Context context, JsonObject item, String kind)
            throws SQLException {
        String sceneId = TrashItems.text(item, "item_id");
        List<JsonObject> scene = TrashItems.rows(connection, context.catalog(), "scenes",
                List.of(new QueryParam("scene_id", "eq." + sceneId)));
        if (scene.isEmpty()) {
            throw new DatabaseError("23503", "the scene is not there any more",
                    "No scene with scene_id " + sceneId + " exists.", "Restore the scene from the trash first.");
        }
        String url = RpcArguments.text(item.getAsJsonObject("rows").getAsJsonArray("media").get(0), kind + "_url");
        SceneMedia.put(connection, context.catalog(), context.caller(), scene.getFirst(), kind, url);
    }

    private static void requireUser(Connection connection, JsonObject story) throws SQLException {
        String userId = TrashItems.text(story, "user_id");
        if (userId != null && TrashItems.lookup(connection, "SELECT user_id FROM users WHERE user_id = ?", userId) == null) {
            throw new DatabaseError("23503", "the story's user is not there any more",
                    "No user with user_id " + userId + " exists.",
                    "Restore the user from the trash first.");
        }
    }

    private static void restoreScene(Connection connection, Catalog catalog, JsonObject scene) throws SQLException {
        String storyId = TrashItems.text(scene, "story_id");
        if (TrashItems.lookup(connection, "SELECT story_id FROM stories WHERE story_id = ?", storyId) == null) {
            throw new DatabaseError("23503", "the scene's story is not there any more",
                    "No story with story_id " + storyId + " exists.",
                    "Restore the story from the trash first.");
        }
        long sequence = Math.min(scene.get("sequence").getAsLong(), TrashItems.lastSequence(connection, storyId) + 1);
        TrashItems.shiftScenes(connection, storyId, sequence, 1);
        JsonObject placed = scene.deepCopy();
        placed.addProperty("sequence", sequence);
        TableInfo scenes = catalog.table("scenes").orElseThrow();
        RpcRows.insert(connection, scenes, RpcRows.fromJson(scenes, placed));
    }

    private static void insertAll(Connection connection, Catalog catalog, JsonObject rows) {
        for (String table : List.of("users", "stories", "scenes")) {
            TableInfo info = catalog.table(table).orElseThrow();
            for (JsonElement row : rows.getAsJsonArray(table)) {
                RpcRows.insert(connection, info, RpcRows.fromJson(info, row.getAsJsonObject()));
            }
        }
    }
}
