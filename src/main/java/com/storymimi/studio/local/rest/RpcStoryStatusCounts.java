package com.storymimi.studio.local.rest;

import com.google.gson.JsonElement;
import com.storymimi.studio.local.db.ColumnInfo;
import com.storymimi.studio.local.db.ColumnType;
import com.storymimi.studio.local.db.TableInfo;

import java.sql.Connection;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code story_status_counts() returns table(status text, count bigint)}: the four statuses in lifecycle
 * order, zeros included (a role that sees no stories gets four zeros).
 */
final class RpcStoryStatusCounts implements RpcFunction {

    private static final TableInfo SHAPE = new TableInfo("story_status_counts", List.of(
            new ColumnInfo("status", ColumnType.TEXT, false, false, false),
            new ColumnInfo("count", ColumnType.INTEGER, false, false, false)), List.of(), List.of());

    @Override
    public String name() {
        return "story_status_counts";
    }

    @Override
    public List<String> parameters() {
        return List.of();
    }

    @Override
    public Set<String> required() {
        return Set.of();
    }

    @Override
    public boolean writes() {
        return false;
    }

    @Override
    public Result call(Connection connection, Map<String, JsonElement> args, Context context) {
        String visible = context.grants().selectRows() ? "" : " AND 0";
        String sql = "(WITH known(status, position) AS (VALUES ('PENDING', 1), ('GENERATING', 2), ('COMPLETED', 3),"
                + " ('ERROR', 4)) SELECT known.status AS \"status\", count(s.story_id) AS \"count\","
                + " known.position AS \"position\" FROM known LEFT JOIN stories s ON s.status = known.status" + visible
                + " GROUP BY known.status, known.position) AS \"story_status_counts\"";
        return new Result.Rows(SHAPE, new SqlBuilder.Source(sql, List.of(), "\"position\""));
    }
}
