package com.storymimi.studio.local.db;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The one place where SQLite's errors become the Postgres errors a PostgREST client expects (SQLSTATE,
 * message, details). The row being written is passed in so messages can name the offending values.
 */
public final class SqliteErrorTranslator {

    private static final Logger LOG = LoggerFactory.getLogger(SqliteErrorTranslator.class);

    private SqliteErrorTranslator() {
    }

    /**
     * @param table the table written to
     * @param row   the column values of the failing row (may be empty when unknown)
     */
    public static DatabaseError translate(SQLException e, Connection connection, TableInfo table,
                                          Map<String, Object> row) {
        SQLiteErrorCode code = e instanceof SQLiteException se ? se.getResultCode() : SQLiteErrorCode.SQLITE_ERROR;
        String text = String.valueOf(e.getMessage());
        return switch (code) {
            case SQLITE_CONSTRAINT_UNIQUE, SQLITE_CONSTRAINT_PRIMARYKEY -> uniqueViolation(text, table, row);
            case SQLITE_CONSTRAINT_NOTNULL -> new DatabaseError("23502", "null value in column \""
                    + afterLastDot(text) + "\" of relation \"" + table.name() + "\" violates not-null constraint");
            case SQLITE_CONSTRAINT_CHECK -> new DatabaseError("23514", "new row for relation \"" + table.name()
                    + "\" violates check constraint \"" + afterColon(text) + "\"");
            case SQLITE_CONSTRAINT_FOREIGNKEY -> foreignKeyViolation(connection, table, row);
            case SQLITE_BUSY, SQLITE_LOCKED, SQLITE_BUSY_TIMEOUT -> new DatabaseError("55P03",
                    "the database is busy; try again");
            default -> otherError(e, text);
        };
    }

    private static DatabaseError otherError(SQLException e, String text) {
        if (text.contains("ON CONFLICT clause does not match")) {
            return new DatabaseError("42P10",
                    "there is no unique or exclusion constraint matching the ON CONFLICT specification");
        }
        LOG.error("Unexpected SQLite error", e);
        return new DatabaseError("XX000", "internal error in the sandbox database");
    }

    private static DatabaseError uniqueViolation(String text, TableInfo table, Map<String, Object> row) {
        // "UNIQUE constraint failed: users.email" or "... scenes.story_id, scenes.sequence"
        List<String> columns = Arrays.stream(afterColon(text).split(","))
                .map(String::strip).map(SqliteErrorTranslator::afterLastDot).toList();
        String name = table.uniqueKeys().stream().filter(k -> k.columns().equals(columns))
                .map(UniqueKey::name).findFirst()
                .orElse(table.name() + "_" + String.join("_", columns) + "_key");
        return new DatabaseError("23505", "duplicate key value violates unique constraint \"" + name + "\"",
                keyDetails(table, columns, row) + " already exists.", null);
    }

    private static DatabaseError foreignKeyViolation(Connection connection, TableInfo table, Map<String, Object> row) {
        for (ForeignKey fk : table.foreignKeys()) {
            if (fk.columns().stream().allMatch(row::containsKey) && fk.columns().stream().allMatch(c -> row.get(c) != null)
                    && !parentExists(connection, fk, row)) {
                return new DatabaseError("23503", "insert or update on table \"" + table.name()
                        + "\" violates foreign key constraint \"" + fk.name() + "\"",
                        keyDetails(table, fk.columns(), row) + " is not present in table \""
                                + fk.referencedTable() + "\".", null);
            }
        }
        return new DatabaseError("23503", "insert, update or delete on table \"" + table.name()
                + "\" violates a foreign key constraint");
    }

    private static boolean parentExists(Connection connection, ForeignKey fk, Map<String, Object> row) {
        String where = fk.referencedColumns().stream().map(c -> Catalog.quote(c) + " = ?")
                .collect(Collectors.joining(" AND "));
        String sql = "SELECT 1 FROM " + Catalog.quote(fk.referencedTable()) + " WHERE " + where;
        try (PreparedStatement st = connection.prepareStatement(sql)) {
            for (int i = 0; i < fk.columns().size(); i++) {
                st.setObject(i + 1, row.get(fk.columns().get(i)));
            }
            try (ResultSet rs = st.executeQuery()) {
                return rs.next();
            }
        } catch (SQLException e) {
            return true;
        }
    }

    private static String keyDetails(TableInfo table, List<String> columns, Map<String, Object> row) {
        String values = columns.stream().map(c -> {
            Optional<ColumnInfo> info = table.column(c);
            Object value = row.get(c);
            return info.map(i -> i.type().display(value)).orElse(String.valueOf(value));
        }).collect(Collectors.joining(", "));
        return "Key (" + String.join(", ", columns) + ")=(" + values + ")";
    }

    private static String afterColon(String text) {
        int colon = text.lastIndexOf(": ");
        String tail = colon < 0 ? text : text.substring(colon + 2);
        int paren = tail.indexOf(')');
        return (paren >= 0 ? tail.substring(0, paren) : tail).strip();
    }

    private static String afterLastDot(String text) {
        String tail = afterColon(text);
        return tail.substring(tail.lastIndexOf('.') + 1);
    }
}
