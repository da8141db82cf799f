package com.storymimi.studio.local.rest;

import com.google.gson.JsonElement;
import com.storymimi.studio.local.db.Catalog;
import com.storymimi.studio.local.db.DatabaseError;
import com.storymimi.studio.local.db.PgTimestamps;
import com.storymimi.studio.local.db.SqliteErrorTranslator;
import com.storymimi.studio.local.db.TableInfo;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code set_story_status(p_story_ids uuid[], p_expected_updated_at timestamptz[], p_status text) returns setof
 * stories}: all the stories get the status, or none does (PT409 when one changed since it was loaded).
 */
final class RpcSetStoryStatus implements RpcFunction {

    @Override
    public String name() {
        return "set_story_status";
    }

    @Override
    public List<String> parameters() {
        return List.of("p_story_ids", "p_expected_updated_at", "p_status");
    }

    @Override
    public Set<String> required() {
        return Set.copyOf(parameters());
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
        List<String> ids = RpcArguments.uuidArray(args.get("p_story_ids"));
        List<String> expected = timestamps(args.get("p_expected_updated_at"));
        if (ids == null || expected == null || expected.size() != ids.size() || ids.contains(null)
                || expected.contains(null) || new HashSet<>(ids).size() != ids.size()) {
            throw new DatabaseError("22023",
                    "p_story_ids and p_expected_updated_at must be arrays of equal length without nulls or duplicates");
        }
        String status = RpcArguments.text(args.get("p_status"));
        int unchanged = 0;
        if (context.grants().selectRows()) {
            try (PreparedStatement st = connection.prepareStatement(
                    "SELECT 1 FROM stories WHERE story_id = ? AND updated_at = ?")) {
                for (int i = 0; i < ids.size(); i++) {
                    st.setString(1, ids.get(i));
                    st.setString(2, expected.get(i));
                    try (ResultSet rs = st.executeQuery()) {
                        unchanged += rs.next() ? 1 : 0;
                    }
                }
            }
        }
        if (unchanged != ids.size()) {
            throw new DatabaseError("PT409", "stories changed since they were loaded",
                    unchanged + " of " + ids.size() + " stories are as they were loaded.",
                    "Reload the stories and choose again.");
        }
        TableInfo stories = context.catalog().table("stories").orElseThrow();
        String now = PgTimestamps.format(Instant.now());
        try (PreparedStatement update = connection.prepareStatement(
                "UPDATE stories SET status = ?, updated_at = ? WHERE story_id = ?")) {
            for (String id : ids) {
                update.setString(1, status);
                update.setString(2, now);
                update.setString(3, id);
                try {
                    update.executeUpdate();
                } catch (SQLException e) {
                    Map<String, Object> row = new LinkedHashMap<>();
                    row.put("story_id", id);
                    row.put("status", status);
                    throw SqliteErrorTranslator.translate(e, connection, stories, row);
                }
            }
        }
        String marks = String.join(", ", Collections.nCopies(ids.size(), "?"));
        return new Result.Rows(stories, new SqlBuilder.Source("(SELECT * FROM " + Catalog.quote("stories")
                + " WHERE \"story_id\" IN (" + marks + ")) AS \"set_story_status\"", new ArrayList<>(ids), null));
    }

    private static List<String> timestamps(JsonElement value) {
        if (value == null || value.isJsonNull()) {
            return null;
        }
        if (!value.isJsonArray()) {
            return parseLiteral(value.isJsonPrimitive() ? value.getAsString() : value.toString());
        }
        List<String> parsed = new ArrayList<>();
        for (JsonElement element : value.getAsJsonArray()) {
            parsed.add(element.isJsonNull() ? null : PgTimestamps.parse(element.getAsString()));
        }
        return parsed;
    }

    /** A Postgres array literal, {"2026-01-01 00:00:00+00",...}. */
    private static List<String> parseLiteral(String literal) {
        String body = literal.strip();
        if (!body.startsWith("{") || !body.endsWith("}")) {
            throw new DatabaseError("22P02", "malformed array literal: \"" + literal + "\"");
        }
        List<String> parsed = new ArrayList<>();
        for (String part : body.substring(1, body.length() - 1).split(",")) {
            String element = part.strip().replace("\"", "");
            parsed.add(element.equalsIgnoreCase("NULL") ? null : PgTimestamps.parse(element));
        }
        return parsed;
    }
}
