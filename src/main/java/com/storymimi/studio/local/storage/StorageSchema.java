package com.storymimi.studio.local.storage;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * Brings a data directory created by an earlier sandbox up to the current Storage tables: internal-schema.sql
 * only creates missing tables, so columns added later are added here.
 */
final class StorageSchema {

    private static final Map<String, Map<String, String>> ADDED_COLUMNS = Map.of(
            "sb_storage_buckets", Map.of("name", "TEXT NULL", "owner", "TEXT NULL"),
            "sb_storage_objects", Map.of("user_metadata", "TEXT NULL", "version", "TEXT NULL",
                    "last_accessed_at", "TEXT NULL"));

    private StorageSchema() {
    }

    static void upgrade(Connection connection) throws SQLException {
        for (var table : ADDED_COLUMNS.entrySet()) {
            Set<String> present = columns(connection, table.getKey());
            for (var column : table.getValue().entrySet()) {
                if (!present.contains(column.getKey())) {
                    try (Statement st = connection.createStatement()) {
                        st.execute("ALTER TABLE " + table.getKey() + " ADD COLUMN " + column.getKey() + " "
                                + column.getValue());
                    }
                }
            }
        }
    }

    private static Set<String> columns(Connection connection, String table) throws SQLException {
        Set<String> names = new HashSet<>();
        try (Statement st = connection.createStatement();
             ResultSet rs = st.executeQuery("PRAGMA table_info(" + table + ")")) {
            while (rs.next()) {
                names.add(rs.getString("name"));
            }
        }
        return names;
    }
}
