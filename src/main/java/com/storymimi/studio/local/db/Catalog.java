package com.storymimi.studio.local.db;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The schema cache: every exposed table's columns, keys and foreign keys, read once from SQLite's PRAGMAs.
 * Tables named sqlite_* or sb_* (Auth and Storage internals) are not exposed.
 */
public final class Catalog {

    private final Map<String, TableInfo> tables;

    private Catalog(Map<String, TableInfo> tables) {
        this.tables = Map.copyOf(tables);
    }

    public Optional<TableInfo> table(String name) {
        return Optional.ofNullable(tables.get(name));
    }

    public List<TableInfo> tables() {
        return List.copyOf(new TreeMap<>(tables).values());
    }

    public static Catalog load(Connection connection) throws SQLException {
        Map<String, TableInfo> tables = new LinkedHashMap<>();
        for (String name : exposedTableNames(connection)) {
            List<ColumnInfo> columns = columns(connection, name);
            tables.put(name, new TableInfo(name, columns, foreignKeys(connection, name),
                    uniqueKeys(connection, name, columns)));
        }
        return new Catalog(tables);
    }

    private static List<String> exposedTableNames(Connection connection) throws SQLException {
        List<String> names = new ArrayList<>();
        try (Statement st = connection.createStatement();
             ResultSet rs = st.executeQuery("SELECT name FROM sqlite_schema WHERE type = 'table'"
                     + " AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\' AND name NOT LIKE 'sb\\_%' ESCAPE '\\'"
                     + " ORDER BY name")) {
            while (rs.next()) {
                names.add(rs.getString(1));
            }
        }
        return names;
    }

    private static List<ColumnInfo> columns(Connection connection, String table) throws SQLException {
        List<ColumnInfo> columns = new ArrayList<>();
        try (Statement st = connection.createStatement();
             ResultSet rs = st.executeQuery("PRAGMA table_info(" + quote(table) + ")")) {
            while (rs.next()) {
                columns.add(new ColumnInfo(rs.getString("name"), ColumnType.fromDeclared(rs.getString("type")),
                        rs.getInt("notnull") != 0, rs.getString("dflt_value") != null, rs.getInt("pk") > 0));
            }
        }
        return columns;
    }

    private static List<ForeignKey> foreignKeys(Connection connection, String table) throws SQLException {
        Map<Integer, List<String[]>> byId = new TreeMap<>();
        try (Statement st = connection.createStatement();
             ResultSet rs = st.executeQuery("PRAGMA foreign_key_list(" + quote(table) + ")")) {
            while (rs.next()) {
                byId.computeIfAbsent(rs.getInt("id"), k -> new ArrayList<>())
                        .add(new String[] {rs.getString("table"), rs.getString("from"), rs.getString("to")});
            }
        }
        List<ForeignKey> keys = new ArrayList<>();
        for (List<String[]> parts : byId.values()) {
            List<String> from = parts.stream().map(p -> p[1]).toList();
            List<String> to = parts.stream().map(p -> p[2]).toList();
            keys.add(new ForeignKey(table + "_" + String.join("_", from) + "_fkey", from, parts.getFirst()[0], to));
        }
        return keys;
    }

    private static List<UniqueKey> uniqueKeys(Connection connection, String table, List<ColumnInfo> columns)
            throws SQLException {
        List<UniqueKey> keys = new ArrayList<>();
        List<String> pk = columns.stream().filter(ColumnInfo::primaryKey).map(ColumnInfo::name).toList();
        if (!pk.isEmpty()) {
            keys.add(new UniqueKey(table + "_pkey", pk, true));
        }
        List<String> uniqueIndexes = new ArrayList<>();
        try (Statement st = connection.createStatement();
             ResultSet rs = st.executeQuery("PRAGMA index_list(" + quote(table) + ")")) {
            while (rs.next()) {
                if (rs.getInt("unique") != 0 && !"pk".equals(rs.getString("origin")) && rs.getInt("partial") == 0) {
                    uniqueIndexes.add(rs.getString("name"));
                }
            }
        }
        for (String index : uniqueIndexes) {
            List<String> cols = indexColumns(connection, index);
            keys.add(new UniqueKey(table + "_" + String.join("_", cols) + "_key", cols, false));
        }
        return keys;
    }

    private static List<String> indexColumns(Connection connection, String index) throws SQLException {
        List<String> cols = new ArrayList<>();
        try (Statement st = connection.createStatement();
             ResultSet rs = st.executeQuery("PRAGMA index_info(" + quote(index) + ")")) {
            while (rs.next()) {
                cols.add(rs.getString("name"));
            }
        }
        return cols;
    }

    /** Quotes an SQL identifier. */
    public static String quote(String identifier) {
        return "\"" + identifier.replace("\"", "\"\"") + "\"";
    }
}
