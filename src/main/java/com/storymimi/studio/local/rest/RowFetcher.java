package com.storymimi.studio.local.rest;

import com.google.gson.stream.JsonWriter;
import com.storymimi.studio.local.db.ColumnType;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/**
 * Runs a {@link ReadPlan}: the level's rows first, then one query per embed and batch of parent keys
 * ({@code WHERE fk IN (...)}, no N+1), recursively, and renders each row as Postgres's to_json would, with
 * to-many embeds as arrays ({@code []} when empty) and to-one embeds as an object or null.
 */
final class RowFetcher {

    /** SQLite allows 32766 parameters; batches stay far below with room for filter values. */
    private static final int KEY_BATCH = 500;

    private RowFetcher() {
    }

    /** @param statement selects exactly {@link ReadPlan#sqlColumns()} */
    static List<String> fetch(Connection connection, ReadPlan plan, SqlStatement statement) throws SQLException {
        return render(connection, plan, raw(connection, statement, plan.sqlColumns().size()));
    }

    private static List<Object[]> raw(Connection connection, SqlStatement statement, int width) throws SQLException {
        List<Object[]> rows = new ArrayList<>();
        try (PreparedStatement st = statement.prepare(connection); ResultSet rs = st.executeQuery()) {
            while (rs.next()) {
                Object[] row = new Object[width];
                for (int i = 0; i < width; i++) {
                    row[i] = rs.getObject(i + 1);
                }
                rows.add(row);
            }
        }
        return rows;
    }

    private static List<String> render(Connection connection, ReadPlan plan, List<Object[]> rows) throws SQLException {
        List<Map<List<Object>, List<String>>> embedded = new ArrayList<>();
        for (ReadPlan.EmbedPlan embed : plan.embeds()) {
            embedded.add(children(connection, plan, embed, rows));
        }
        List<int[]> parentKeys = plan.embeds().stream()
                .map(e -> plan.keyIndexes(e.relationship().fromColumns())).toList();
        List<String> out = new ArrayList<>(rows.size());
        for (Object[] row : rows) {
            out.add(renderRow(plan, row, embedded, parentKeys));
        }
        return out;
    }

    private static String renderRow(ReadPlan plan, Object[] row, List<Map<List<Object>, List<String>>> embedded,
                                    List<int[]> parentKeys) {
        StringWriter text = new StringWriter();
        try (JsonWriter out = new JsonWriter(text)) {
            out.setSerializeNulls(true);
            out.beginObject();
            for (ReadPlan.Slot slot : plan.slots()) {
                switch (slot) {
                    case ReadPlan.Slot.Column c -> {
                        ProjectedColumn column = plan.projected().get(c.index());
                        out.name(column.outputName());
                        writeValue(out, column, row[c.index()]);
                    }
                    case ReadPlan.Slot.Embedded e -> {
                        ReadPlan.EmbedPlan embed = plan.embeds().get(e.index());
                        out.name(embed.outputName());
                        List<String> matches = embedded.get(e.index()).get(key(row, parentKeys.get(e.index())));
                        out.jsonValue(embedJson(embed, matches));
                    }
                }
            }
            out.endObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return text.toString();
    }

    private static void writeValue(JsonWriter out, ProjectedColumn column, Object value) throws IOException {
        ColumnType type = column.column().type();
        if (column.asText() && value != null && type != ColumnType.TEXT) {
            out.value(type.display(value));
        } else {
            type.writeJson(out, value);
        }
    }

    private static String embedJson(ReadPlan.EmbedPlan embed, List<String> matches) {
        if (embed.relationship().toOne()) {
            return matches == null || matches.isEmpty() ? "null" : matches.getFirst();
        }
        return matches == null ? "[]" : "[" + String.join(",", matches) + "]";
    }

    /** The embedded rows of every parent row, grouped by the join key. */
    private static Map<List<Object>, List<String>> children(Connection connection, ReadPlan parent,
                                                            ReadPlan.EmbedPlan embed, List<Object[]> parents)
            throws SQLException {
        int[] parentIdx = parent.keyIndexes(embed.relationship().fromColumns());
        LinkedHashSet<List<Object>> keys = new LinkedHashSet<>();
        for (Object[] row : parents) {
            List<Object> key = key(row, parentIdx);
            if (key != null) {
                keys.add(key);
            }
        }
        Map<List<Object>, List<String>> grouped = new HashMap<>();
        ReadPlan child = embed.child();
        int[] childIdx = child.keyIndexes(embed.relationship().toColumns());
        List<List<Object>> all = new ArrayList<>(keys);
        for (int from = 0; from < all.size(); from += KEY_BATCH) {
            List<List<Object>> batch = all.subList(from, Math.min(all.size(), from + KEY_BATCH));
            SqlStatement statement = child.sql().selectChildren(child.sqlColumns(), embed.relationship().toColumns(),
                    batch, child.filters(), child.predicates(), child.rowsVisible(), embed.order(),
                    embed.relationship().toOne() ? null : embed.limit(),
                    embed.relationship().toOne() ? 0 : embed.offset());
            List<Object[]> rows = raw(connection, statement, child.sqlColumns().size());
            List<String> rendered = render(connection, child, rows);
            for (int i = 0; i < rows.size(); i++) {
                grouped.computeIfAbsent(key(rows.get(i), childIdx), k -> new ArrayList<>()).add(rendered.get(i));
            }
        }
        return grouped;
    }

    /** The join key of a row with numbers widened to long (SQLite returns Integer or Long); null if any part is. */
    private static List<Object> key(Object[] row, int[] indexes) {
        Object[] key = new Object[indexes.length];
        for (int i = 0; i < indexes.length; i++) {
            Object value = row[indexes[i]];
            if (value == null) {
                return null;
            }
            key[i] = value instanceof Number n ? (Object) n.longValue() : value;
        }
        return Arrays.asList(key);
    }

    static String array(List<String> rows) {
        return "[" + String.join(",", rows) + "]";
    }
}
