package com.storymimi.studio.local.rest;

import com.google.gson.JsonElement;
import com.storymimi.studio.local.db.Catalog;
import com.storymimi.studio.local.db.ColumnType;
import com.storymimi.studio.local.db.DatabaseError;
import com.storymimi.studio.local.db.PgTimestamps;
import com.storymimi.studio.local.db.TableInfo;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code reorder_scenes(p_story_id uuid, p_scene_ids uuid[], p_expected_ids uuid[] default null) returns setof
 * scenes}: sequence = position in the list, atomically; with {@code p_expected_ids}, PT409 unless the current
 * order is that one (or already the wanted one: a repeat is done). Postgres checks the deferrable UNIQUE(story_id, sequence) at the end of its single
 * UPDATE; SQLite checks it per row, so the moved rows first go above every current sequence and then to
 * their places, inside the same transaction. Only moved rows get a new updated_at, as with the trigger.
 */
final class RpcReorderScenes implements RpcFunction {

    @Override
    public String name() {
        return "reorder_scenes";
    }

    @Override
    public List<String> parameters() {
        return List.of("p_story_id", "p_scene_ids", "p_expected_ids");
    }

    @Override
    public Set<String> required() {
        return Set.of("p_story_id", "p_scene_ids");
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
        JsonElement storyArg = args.get("p_story_id");
        String storyId = storyArg == null || storyArg.isJsonNull() ? null
                : (String) ColumnType.UUID.parseText(RpcArguments.text(storyArg));
        List<String> ids = RpcArguments.uuidArray(args.get("p_scene_ids"));
        if (ids == null || ids.contains(null)) {
            throw new DatabaseError("22023", "p_scene_ids must be an array of scene ids without nulls");
        }
        if (new HashSet<>(ids).size() != ids.size()) {
            throw new DatabaseError("22023", "p_scene_ids contains duplicate scene ids");
        }
        if (storyId == null || !context.grants().selectRows() || !storyExists(connection, storyId)) {
            throw new DatabaseError("PT404", "story not found",
                    "No story with story_id " + (storyId == null ? "" : storyId) + " is visible.", null);
        }
        Map<String, Long> current = currentSequences(connection, storyId);
        if (current.size() != ids.size() || !current.keySet().containsAll(ids)) {
            throw new DatabaseError("PT409", "scene ids do not match the scenes of the story",
                    "The story has " + current.size() + " scenes; " + ids.size() + " ids were given.",
                    "Reload the story's scenes and send all of their ids in the new order.");
        }
        List<String> currentOrder = current.entrySet().stream().sorted(Map.Entry.comparingByValue())
                .map(Map.Entry::getKey).toList();
        JsonElement expectedArg = args.get("p_expected_ids");
        List<String> expected = expectedArg == null || expectedArg.isJsonNull() ? null : RpcArguments.uuidArray(expectedArg);
        if (!currentOrder.equals(ids) && expected != null && !currentOrder.equals(expected)) {
            throw new DatabaseError("PT409", "the scenes were reordered elsewhere",
                    "The current order is not the order the move was made from.",
                    "Reload the story's scenes and make the move again.");
        }
        String now = PgTimestamps.format(Instant.now());
        move(connection, storyId, ids, current, now);
        if (!currentOrder.equals(ids)) {
            recordOrder(connection, storyId, currentOrder, ids, now);
        }
        TableInfo scenes = context.catalog().table("scenes").orElseThrow();
        return new Result.Rows(scenes, new SqlBuilder.Source("(SELECT * FROM " + Catalog.quote("scenes")
                + " WHERE \"story_id\" = ?) AS \"reorder_scenes\"", List.of(storyId), "\"sequence\" ASC"));
    }

    /** The migrations' record_order_revision: who comes from sb_request_caller, as in the triggers. */
    private static void recordOrder(Connection connection, String storyId, List<String> from, List<String> to,
                                    String now) throws SQLException {
        com.google.gson.JsonObject order = new com.google.gson.JsonObject();
        order.add("from", ids(from));
        order.add("to", ids(to));
        com.google.gson.JsonObject changes = new com.google.gson.JsonObject();
        changes.add("order", order);
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO revisions (story_id, scene_id, kind, changes, created_by, created_by_email, created_at) "
                        + "VALUES (?, NULL, 'order', ?, (SELECT sub FROM sb_request_caller), "
                        + "(SELECT email FROM sb_request_caller), ?)")) {
            insert.setString(1, storyId);
            insert.setString(2, changes.toString());
            insert.setString(3, now);
            insert.executeUpdate();
        }
    }

    private static com.google.gson.JsonArray ids(List<String> ids) {
        com.google.gson.JsonArray array = new com.google.gson.JsonArray();
        ids.forEach(array::add);
        return array;
    }

    private static void move(Connection connection, String storyId, List<String> ids, Map<String, Long> current,
                             String now) throws SQLException {
        long above = current.values().stream().mapToLong(Long::longValue).max().orElse(0) + ids.size() + 1;
        List<String> moved = new ArrayList<>();
        for (int i = 0; i < ids.size(); i++) {
            if (current.get(ids.get(i)) != i + 1) {
                moved.add(ids.get(i));
            }
        }
        try (PreparedStatement park = connection.prepareStatement(
                "UPDATE scenes SET sequence = sequence + ? WHERE scene_id = ? AND story_id = ?");
             PreparedStatement place = connection.prepareStatement(
                     "UPDATE scenes SET sequence = ?, updated_at = ? WHERE scene_id = ? AND story_id = ?")) {
            for (String id : moved) {
                park.setLong(1, above);
                park.setString(2, id);
                park.setString(3, storyId);
                park.executeUpdate();
            }
            for (String id : moved) {
                place.setLong(1, ids.indexOf(id) + 1L);
                place.setString(2, now);
                place.setString(3, id);
                place.setString(4, storyId);
                place.executeUpdate();
            }
        }
    }

    private static boolean storyExists(Connection connection, String storyId) throws SQLException {
        try (PreparedStatement st = connection.prepareStatement("SELECT 1 FROM stories WHERE story_id = ?")) {
            st.setString(1, storyId);
            try (ResultSet rs = st.executeQuery()) {
                return rs.next();
            }
        }
    }

    private static Map<String, Long> currentSequences(Connection connection, String storyId) throws SQLException {
        Map<String, Long> sequences = new HashMap<>();
        try (PreparedStatement st = connection.prepareStatement(
                "SELECT scene_id, sequence FROM scenes WHERE story_id = ?")) {
            st.setString(1, storyId);
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    sequences.put(rs.getString(1), rs.getLong(2));
                }
            }
        }
        return sequences;
    }
}
