package com.storymimi.studio.supabase.rest;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.StringJoiner;

/** One table: the starting point of reads ({@link #select}) and writes. Rows to write are column → value maps. */
public final class PostgrestTable {

    private final RestExecutor executor;
    private final String path;

    PostgrestTable(RestExecutor executor, String path) {
        this.executor = executor;
        this.path = path;
    }

    /** {@code GET ?select=columns}; whitespace outside quotes is dropped, as supabase-js does. */
    public SelectQuery select(String columns) {
        String cleaned = RestCall.cleanSelect(columns);
        return new SelectQuery(executor, new RestCall("GET", path).with(call -> call.select = cleaned));
    }

    public SelectQuery select() {
        return select("*");
    }

    /** Inserts one row: {@code POST} with a JSON object; a {@code null} value is sent as JSON null. */
    public InsertQuery insert(Map<String, ?> row) {
        Objects.requireNonNull(row, "row");
        return new InsertQuery(executor, new RestCall("POST", path).with(call -> call.body = executor.codec().toJson(row)));
    }

    /** Inserts several rows in one request; adds {@code columns=} (the union of keys) like supabase-js. */
    public InsertQuery insert(List<? extends Map<String, ?>> rows) {
        return new InsertQuery(executor, bulk(rows));
    }

    /**
     * Inserts or, on a key conflict, merges or ignores. {@code onConflict} names the unique columns
     * ({@code "story_id,sequence"}); null means the primary key.
     */
    public InsertQuery upsert(Map<String, ?> row, String onConflict, Resolution resolution) {
        Objects.requireNonNull(row, "row");
        RestCall call = new RestCall("POST", path).with(c -> c.body = executor.codec().toJson(row));
        return new InsertQuery(executor, conflictHandling(call, onConflict, resolution));
    }

    public InsertQuery upsert(List<? extends Map<String, ?>> rows, String onConflict, Resolution resolution) {
        return new InsertQuery(executor, conflictHandling(bulk(rows), onConflict, resolution));
    }

    /** {@code PATCH} with the given columns; add filters before running it (an unfiltered update is refused). */
    public MutationQuery update(Map<String, ?> changes) {
        Objects.requireNonNull(changes, "changes");
        if (changes.isEmpty()) {
            throw new IllegalArgumentException("update needs at least one column");
        }
        return new MutationQuery(executor, new RestCall("PATCH", path).with(call -> call.body = executor.codec().toJson(changes)));
    }

    /** {@code DELETE}; add filters before running it (an unfiltered delete is refused). */
    public MutationQuery delete() {
        return new MutationQuery(executor, new RestCall("DELETE", path));
    }

    private RestCall bulk(List<? extends Map<String, ?>> rows) {
        Objects.requireNonNull(rows, "rows");
        if (rows.isEmpty()) {
            throw new IllegalArgumentException("insert needs at least one row");
        }
        Set<String> keys = new LinkedHashSet<>();
        rows.forEach(row -> keys.addAll(row.keySet()));
        StringJoiner columns = new StringJoiner(",");
        keys.forEach(key -> columns.add("\"" + FilterEncoder.requireColumn(key) + "\""));
        String body = executor.codec().toJson(rows);
        return new RestCall("POST", path).with(call -> {
            call.columns = columns.toString();
            call.body = body;
        });
    }

    private static RestCall conflictHandling(RestCall call, String onConflict, Resolution resolution) {
        Objects.requireNonNull(resolution, "resolution");
        String target = onConflict == null ? null : RestCall.cleanSelect(onConflict);
        return call.with(c -> {
            c.onConflict = target;
            c.resolution = resolution;
        });
    }
}
