package com.storymimi.studio.local.rest;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.storymimi.studio.local.db.Catalog;
import com.storymimi.studio.local.db.ColumnType;
import com.storymimi.studio.local.db.DatabaseError;
import com.storymimi.studio.local.http.QueryParam;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * {@code trash_user(p_user_id)}, {@code trash_story(p_story_id)} and {@code trash_scene(p_scene_id)}, each
 * {@code returns jsonb}: the rows go into one trash item and out of their tables (a user with their stories
 * and scenes, a story with its scenes, a scene with the gap it leaves closed). PT404 when there is no such row.
 */
final class RpcTrashItem implements RpcFunction {

    enum Kind {
        USER("user", "users", "user_id"),
        STORY("story", "stories", "story_id"),
        SCENE("scene", "scenes", "scene_id");

        final String name;
        final String table;
        final String idColumn;

        Kind(String name, String table, String idColumn) {
            this.name = name;
            this.table = table;
            this.idColumn = idColumn;
        }
    }

    private final Kind kind;

    RpcTrashItem(Kind kind) {
        this.kind = kind;
    }

    @Override
    public String name() {
        return "trash_" + kind.name;
    }

    private String parameter() {
        return "p_" + kind.idColumn;
    }

    @Override
    public List<String> parameters() {
        return List.of(parameter());
    }

    @Override
    public Set<String> required() {
        return Set.of(parameter());
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
        String raw = RpcArguments.text(args.get(parameter()));
        String id = raw == null ? null : (String) ColumnType.UUID.parseText(raw);
        Catalog catalog = context.catalog();
        List<JsonObject> found = id == null || !context.grants().selectRows() ? List.of()
                : TrashItems.rows(connection, catalog, kind.table, List.of(new QueryParam(kind.idColumn, "eq." + id)));
        if (found.isEmpty()) {
            throw new DatabaseError("PT404", kind.name + " not found",
                    "No " + kind.name + " with " + kind.idColumn + " " + (id == null ? "" : id) + " is visible.", null);
        }
        JsonObject row = found.getFirst();
        TrashItems.Entry entry = switch (kind) {
            case USER -> userEntry(connection, catalog, row, id);
            case STORY -> storyEntry(connection, catalog, row, id);
            case SCENE -> sceneEntry(connection, row, id);
        };
        String trashId = TrashItems.add(connection, catalog, context.caller(), entry);
        try (PreparedStatement delete = connection.prepareStatement(
                "DELETE FROM " + Catalog.quote(kind.table) + " WHERE " + Catalog.quote(kind.idColumn) + " = ?")) {
            delete.setString(1, id);
            delete.executeUpdate();
        }
        if (kind == Kind.SCENE) {
            long sequence = row.get("sequence").getAsLong();
            TrashItems.shiftScenes(connection, TrashItems.text(row, "story_id"), sequence + 1, -1);
        }
        JsonObject item = TrashItems.rows(connection, catalog, TrashItems.TABLE,
                List.of(new QueryParam("trash_id", "eq." + trashId))).getFirst();
        return new Result.Scalar(TrashItems.withoutRows(item));
    }

    private static TrashItems.Entry userEntry(Connection connection, Catalog catalog, JsonObject user, String id)
            throws SQLException {
        List<JsonObject> stories = TrashItems.rows(connection, catalog, "stories", List.of(
                new QueryParam("user_id", "eq." + id), new QueryParam("order", "created_at.asc,story_id.asc")));
        List<JsonObject> scenes = stories.isEmpty() ? List.of() : TrashItems.rows(connection, catalog, "scenes", List.of(
                new QueryParam("story_id", "in.(" + stories.stream().map(s -> TrashItems.text(s, "story_id"))
                        .collect(Collectors.joining(",")) + ")"),
                new QueryParam("order", "story_id.asc,sequence.asc")));
        return new TrashItems.Entry("user", id, TrashItems.text(user, "username"), null, TrashItems.text(user, "email"),
                stories.size(), scenes.size(), TrashItems.array(List.of(user)), TrashItems.array(stories),
                TrashItems.array(scenes));
    }

    private static TrashItems.Entry storyEntry(Connection connection, Catalog catalog, JsonObject story, String id)
            throws SQLException {
        String userId = TrashItems.text(story, "user_id");
        String owner = userId == null ? null
                : TrashItems.lookup(connection, "SELECT username FROM users WHERE user_id = ?", userId);
        List<JsonObject> scenes = TrashItems.rows(connection, catalog, "scenes", List.of(
                new QueryParam("story_id", "eq." + id), new QueryParam("order", "sequence.asc")));
        return new TrashItems.Entry("story", id, TrashItems.text(story, "title"), userId, owner, 1, scenes.size(),
                new JsonArray(), TrashItems.array(List.of(story)), TrashItems.array(scenes));
    }

    private static TrashItems.Entry sceneEntry(Connection connection, JsonObject scene, String id) throws SQLException {
        String storyId = TrashItems.text(scene, "story_id");
        String title = TrashItems.lookup(connection, "SELECT title FROM stories WHERE story_id = ?", storyId);
        return new TrashItems.Entry("scene", id, TrashItems.label(TrashItems.text(scene, "text")), storyId, title, 0, 1, new JsonArray(), new JsonArray(),
                TrashItems.array(List.of(scene)));
    }
}
