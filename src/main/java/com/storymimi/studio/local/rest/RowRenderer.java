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
import java.util.List;

/** Runs a row query and renders each row as a JSON object in projection order, as Postgres's to_json would. */
final class RowRenderer {

    private RowRenderer() {
    }

    static List<String> fetch(Connection connection, SqlStatement statement, List<ProjectedColumn> projection)
            throws SQLException {
        List<String> rows = new ArrayList<>();
        try (PreparedStatement st = statement.prepare(connection); ResultSet rs = st.executeQuery()) {
            while (rs.next()) {
                rows.add(render(rs, projection));
            }
        }
        return rows;
    }

    private static String render(ResultSet rs, List<ProjectedColumn> projection) throws SQLException {
        StringWriter text = new StringWriter();
        try (JsonWriter out = new JsonWriter(text)) {
            out.setSerializeNulls(true);
            out.beginObject();
            for (int i = 0; i < projection.size(); i++) {
                ProjectedColumn column = projection.get(i);
                out.name(column.outputName());
                Object value = rs.getObject(i + 1);
                ColumnType type = column.column().type();
                if (column.asText() && value != null && type != ColumnType.TEXT) {
                    out.value(type.display(value));
                } else {
                    type.writeJson(out, value);
                }
            }
            out.endObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return text.toString();
    }

    static String array(List<String> rows) {
        return "[" + String.join(",", rows) + "]";
    }
}
