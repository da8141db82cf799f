package com.storymimi.studio.local.rest;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.storymimi.studio.local.db.ColumnType;

import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code search_stories(term text, max_results int default 50, result_offset int default 0) returns setof
 * stories}: literal ({@code %}, {@code _}, {@code \} match themselves), Unicode case-insensitive substring
 * on title or prompt, newest first; an empty or null term matches all; max_results clamped to 0..1000.
 */
final class RpcSearchStories implements RpcFunction {

    @Override
    public String name() {
        return "search_stories";
    }

    @Override
    public List<String> parameters() {
        return List.of("term", "max_results", "result_offset");
    }

    @Override
    public Set<String> required() {
        return Set.of("term");
    }

    @Override
    public boolean writes() {
        return false;
    }

    @Override
    public Result call(Connection connection, Map<String, JsonElement> args, Context context) {
        JsonObject object = new JsonObject();
        args.forEach(object::add);
        String term = RpcArguments.text(object.get("term"));
        Object max = RpcArguments.scalar(object, "max_results", ColumnType.INTEGER);
        Object offset = RpcArguments.scalar(object, "result_offset", ColumnType.INTEGER);
        long limit = Math.max(Math.min(max == null ? 50 : ((Number) max).longValue(), 1000), 0);
        long skip = Math.max(offset == null ? 0 : ((Number) offset).longValue(), 0);
        List<Object> params = new ArrayList<>();
        List<String> where = new ArrayList<>();
        if (!context.grants().selectRows()) {
            where.add("0");
        }
        if (term != null && !term.isEmpty()) {
            String pattern = "%" + term.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
            SqlBuilder.Predicate title = LikeSql.of("\"title\"", pattern, true);
            SqlBuilder.Predicate prompt = LikeSql.of("\"prompt\"", pattern, true);
            where.add("(" + title.sql() + " OR " + prompt.sql() + ")");
            params.addAll(title.params());
            params.addAll(prompt.params());
        }
        params.add(limit);
        params.add(skip);
        String order = "\"created_at\" DESC, \"story_id\" DESC";
        String sql = "(SELECT * FROM \"stories\"" + (where.isEmpty() ? "" : " WHERE " + String.join(" AND ", where))
                + " ORDER BY " + order + " LIMIT ? OFFSET ?) AS \"search_stories\"";
        return new Result.Rows(context.catalog().table("stories").orElseThrow(),
                new SqlBuilder.Source(sql, params, order));
    }
}
