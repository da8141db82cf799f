package com.storymimi.studio.local.db;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Brings the public tables of a data directory created by an earlier sandbox up to schema.sql, which only creates
 * missing tables. SQLite cannot alter a CHECK constraint, so a table whose constraint changed is rebuilt with its
 * rows, in the transaction that installs the schema.
 */
final class SchemaUpgrades {

    private static final String OLD_TRASH_KINDS = "CHECK (kind IN ('user', 'story', 'scene'))";
    private static final String TRASH_KINDS = "CHECK (kind IN ('user', 'story', 'scene', 'image', 'audio'))";

    private SchemaUpgrades() {
    }

    static void upgrade(Connection connection) throws SQLException {
        String trash = definition(connection, "trash");
        if (trash != null && trash.contains(OLD_TRASH_KINDS)) {
            // The media trash (20261207000006_media_trash.sql) added the kinds image and audio.
            try (Statement st = connection.createStatement()) {
                st.execute(trash.replace(OLD_TRASH_KINDS, TRASH_KINDS)
                        .replaceFirst("CREATE TABLE (IF NOT EXISTS )?\"?trash\"?", "CREATE TABLE trash_upgraded"));
                st.execute("INSERT INTO trash_upgraded SELECT * FROM trash");
                st.execute("DROP TABLE trash");
                st.execute("ALTER TABLE trash_upgraded RENAME TO trash");
                st.execute("CREATE INDEX IF NOT EXISTS trash_deleted_at_idx ON trash (deleted_at DESC)");
            }
        }
    }

    private static String definition(Connection connection, String table) throws SQLException {
        try (PreparedStatement st = connection.prepareStatement(
                "SELECT sql FROM sqlite_master WHERE type = 'table' AND name = ?")) {
            st.setString(1, table);
            try (ResultSet rs = st.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        }
    }
}
