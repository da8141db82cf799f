package com.storymimi.studio.local.rest;

import com.storymimi.studio.local.db.Database;
import com.storymimi.studio.local.db.SqlWork;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.regex.Pattern;

/**
 * Makes the caller of a write known to the revision triggers (schema.sql), as PostgREST's per-request JWT settings
 * make it known to auth.uid() and auth.jwt() in Postgres: a row in sb_request_caller for the length of the write
 * transaction. A rolled-back write takes its row along; a committed one removes it before the commit.
 */
final class RequestCaller {

    /** The migrations' private.caller_id(): the sub when it is a uuid, else no one. */
    private static final Pattern UUID = Pattern.compile(
            "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    private RequestCaller() {
    }

    /** {@code database.write(work)} with the caller set around the work. */
    static <T> T write(Database database, RpcFunction.Caller caller, SqlWork<T> work) throws SQLException {
        return database.write(connection -> {
            set(connection, caller);
            T result = work.run(connection);
            clear(connection);
            return result;
        });
    }

    private static void set(Connection connection, RpcFunction.Caller caller) throws SQLException {
        clear(connection);
        String sub = caller.sub() != null && UUID.matcher(caller.sub()).matches()
                ? caller.sub().toLowerCase(java.util.Locale.ROOT) : null;
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO sb_request_caller (sub, email) VALUES (?, ?)")) {
            insert.setString(1, sub);
            insert.setString(2, caller.email());
            insert.executeUpdate();
        }
    }

    private static void clear(Connection connection) throws SQLException {
        try (PreparedStatement delete = connection.prepareStatement("DELETE FROM sb_request_caller")) {
            delete.executeUpdate();
        }
    }
}
