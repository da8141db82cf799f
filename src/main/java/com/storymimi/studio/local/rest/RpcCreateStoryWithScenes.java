package com.storymimi.studio.local.rest;

import com.google.gson.JsonElement;
import com.storymimi.studio.local.db.ColumnType;
import com.storymimi.studio.local.db.DatabaseError;
import com.storymimi.studio.local.db.PgTimestamps;
import com.storymimi.studio.local.db.TableInfo;
import com.storymimi.studio.local.http.QueryParam;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * {@code create_story_with_scenes(story jsonb, scenes jsonb) returns jsonb}: the story and all of its scenes
 * or nothing; returns the stored story with {@code "scenes"} ordered by sequence. Every row gets the same
 * timestamp, as Postgres's now() is the transaction's start.
 */
final class RpcCreateStoryWithScenes implements RpcFunction {

    @Override
    public String name() {
        return "create_story_with_scenes";
    }

    @Override
    public List<String> parameters() {
        return List.of("story", "scenes");
    }

    @Override
    public Set<String> required() {
        return Set.of("story", "scenes");
    }

    @Override
    public boolean writes() {
        return true;
    }

    @Override
    public Result call(Connection connection, Map<String, JsonElement> args, Context context) throws SQLException {
        JsonElement story = args.get("story");
        JsonElement scenes = args.get("scenes");
        if (story == null || !story.isJsonObject()) {
            throw new DatabaseError("22023", "story must be a JSON object");
        }
        if (scenes != null && !scenes.isJsonNull() && !scenes.isJsonArray()) {
            throw new DatabaseError("22023", "scenes must be a JSON array");
        }
        TableInfo stories = context.catalog().table("stories").orElseThrow();
        TableInfo sceneTable = context.catalog().table("scenes").orElseThrow();
        if (!context.grants().insertRows()) {
            throw new DatabaseError("42501", "new row violates row-level security policy for table \"stories\"");
        }
        String now = PgTimestamps.format(Instant.now());
        String storyId = uuidOrNew(RpcArguments.text(story, "story_id"));
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("story_id", storyId);
        row.put("user_id", uuidOrNull(RpcArguments.text(story, "user_id")));
        row.put("title", RpcArguments.text(story, "title"));
        row.put("prompt", orEmpty(RpcArguments.text(story, "prompt")));
        String status = RpcArguments.text(story, "status");
        row.put("status", status == null ? "PENDING" : status);
        row.put("created_at", now);
        row.put("updated_at", now);
        RpcRows.insert(connection, stories, row);
        if (scenes != null && scenes.isJsonArray()) {
            for (JsonElement element : scenes.getAsJsonArray()) {
                RpcRows.insert(connection, sceneTable, sceneRow(element, storyId, now));
            }
        }
        return new Result.Scalar(storyWithScenes(connection, context, stories, storyId));
    }

    private static Map<String, Object> sceneRow(JsonElement element, String storyId, String now) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("scene_id", uuidOrNew(RpcArguments.text(element, "scene_id")));
        row.put("story_id", storyId);
        String sequence = RpcArguments.text(element, "sequence");
        row.put("sequence", sequence == null ? null : ColumnType.INTEGER.parseText(sequence));
        row.put("text", orEmpty(RpcArguments.text(element, "text")));
        row.put("image_url", RpcArguments.text(element, "image_url"));
        row.put("audio_url", RpcArguments.text(element, "audio_url"));
        row.put("created_at", now);
        row.put("updated_at", now);
        return row;
    }

    /** The story row plus its scenes by sequence: the same pipeline as {@code stories?select=*,scenes(*)}. */
    private static String storyWithScenes(Connection connection, Context context, TableInfo stories, String storyId)
            throws SQLException {
        return RpcRows.select(connection, context.catalog(), stories.name(), List.of(
                new QueryParam("select", "*,scenes(*)"), new QueryParam("scenes.order", "sequence.asc"),
                new QueryParam("story_id", "eq." + storyId))).getFirst();
    }

    private static String uuidOrNew(String raw) {
        return raw == null ? UUID.randomUUID().toString() : (String) ColumnType.UUID.parseText(raw);
    }

    private static String uuidOrNull(String raw) {
        return raw == null ? null : (String) ColumnType.UUID.parseText(raw);
    }

    private static String orEmpty(String text) {
        return text == null ? "" : text;
    }
}
