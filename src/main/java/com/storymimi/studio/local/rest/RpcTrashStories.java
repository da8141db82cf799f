package com.storymimi.studio.local.rest;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonParser;
import com.google.gson.JsonPrimitive;
import com.storymimi.studio.local.db.DatabaseError;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code trash_stories(p_story_ids uuid[]) returns jsonb}: {@code trash_story} for each, in one transaction (PT404
 * for any of them moves none); the trash items in the order of the ids.
 */
final class RpcTrashStories implements RpcFunction {

    private final RpcTrashItem one = new RpcTrashItem(RpcTrashItem.Kind.STORY);

    @Override
    public String name() {
        return "trash_stories";
    }

    @Override
    public List<String> parameters() {
        return List.of("p_story_ids");
    }

    @Override
    public Set<String> required() {
        return Set.of("p_story_ids");
    }

    @Override
    public boolean writes() {
        return true;
    }

    @Override
    public Result call(Connection connection, Map<String, JsonElement> args, Context context) throws SQLException {
        List<String> ids = RpcArguments.uuidArray(args.get("p_story_ids"));
        if (ids == null || ids.contains(null) || new HashSet<>(ids).size() != ids.size()) {
            throw new DatabaseError("22023", "p_story_ids must be an array of story ids without nulls or duplicates");
        }
        JsonArray items = new JsonArray();
        for (String id : ids) {
            Result.Scalar item = (Result.Scalar) one.call(connection, Map.of("p_story_id", new JsonPrimitive(id)), context);
            items.add(JsonParser.parseString(item.json()));
        }
        return new Result.Scalar(items.toString());
    }
}
