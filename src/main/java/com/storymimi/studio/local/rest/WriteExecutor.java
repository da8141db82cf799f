package com.storymimi.studio.local.rest;

import com.storymimi.studio.local.db.Database;
import com.storymimi.studio.local.db.DatabaseError;
import com.storymimi.studio.local.db.SqliteErrorTranslator;
import com.storymimi.studio.local.db.TableInfo;
import com.storymimi.studio.local.http.Response;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * POST, PATCH and DELETE on a table. Each request is one transaction: every row is written or none, and a
 * representation that breaks the single-object contract rolls the change back, as in PostgREST.
 */
final class WriteExecutor {

    private final Database database;

    WriteExecutor(Database database) {
        this.database = database;
    }

    /** The affected rows (rendered when the client wants them) and whether an insert created new rows. */
    private record Outcome(List<Long> rowids, List<String> rendered, boolean createdRows) {
    }

    Response insert(RestRequest request, byte[] body) throws SQLException {
        TableInfo table = request.table();
        requireWritable(table);
        List<Map<String, Object>> rows = WriteBody.insertRows(body, table, request.query().columns(),
                request.preferences().missingDefault());
        if (!rows.isEmpty() && !request.grants().insertRows()) {
            throw rlsViolation(table);
        }
        SqlBuilder sql = request.sql();
        SqlBuilder.Conflict conflict = conflict(request);
        Outcome outcome = RequestCaller.write(database, request.caller(), connection -> {
            long before = conflict != null && conflict.merge() ? rowCount(connection, table) : -1;
            List<Long> rowids = new ArrayList<>();
            for (Map<String, Object> row : rows) {
                rowids.addAll(execute(connection, sql.insert(row, conflict), table, row));
            }
            boolean created = before < 0 || rowCount(connection, table) > before;
            return new Outcome(rowids, representation(connection, request, rowids), created);
        });
        Response response = writeResponse(request, outcome, outcome.createdRows() ? 201 : 200)
                .header("Content-Range", "*/" + (request.preferences().wantsCount() ? outcome.rowids().size() : "*"));
        if (request.preferences().headersOnly() && outcome.rowids().size() == 1) {
            response.header("Location", location(request, outcome.rowids().getFirst()));
        }
        return response;
    }

    Response update(RestRequest request, byte[] body) throws SQLException {
        requireFilter(request, "UPDATE"); // safeupdate refuses while parsing, before privileges are checked
        requireWritable(request.table());
        Map<String, Object> values = WriteBody.updateValues(body, request.table());
        boolean allowed = request.grants().updateRows() && !values.isEmpty();
        SqlStatement update = request.sql().update(values, request.query().filters(), allowed);
        Outcome outcome = RequestCaller.write(database, request.caller(), connection -> {
            List<Long> rowids = execute(connection, update, request.table(), values);
            return new Outcome(rowids, representation(connection, request, rowids), false);
        });
        int n = outcome.rowids().size();
        String total = request.preferences().wantsCount() ? Integer.toString(n) : "*";
        return writeResponse(request, outcome, request.preferences().representation() ? 200 : 204)
                .header("Content-Range", (n == 0 ? "*" : "0-" + (n - 1)) + "/" + total);
    }

    Response delete(RestRequest request) throws SQLException {
        requireFilter(request, "DELETE");
        requireWritable(request.table());
        SqlBuilder sql = request.sql();
        SqlStatement matching = sql.rowids(request.query().filters(), request.grants().deleteRows());
        Outcome outcome = RequestCaller.write(database, request.caller(), connection -> {
            List<Long> rowids = new ArrayList<>();
            try (PreparedStatement st = matching.prepare(connection); ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    rowids.add(rs.getLong(1));
                }
            }
            List<String> rendered = representation(connection, request, rowids);
            if (!rowids.isEmpty()) {
                execute(connection, sql.deleteRows(rowids), request.table(), Map.of());
            }
            return new Outcome(rowids, rendered, false);
        });
        return writeResponse(request, outcome, request.preferences().representation() ? 200 : 204)
                .header("Content-Range", "*/" + (request.preferences().wantsCount() ? outcome.rowids().size() : "*"));
    }

    /**
     * Safe mode, as pg-safeupdate gives real Supabase (supabase/migrations loads it where the server has it):
     * a PATCH or DELETE without a single filter would rewrite or delete every row the caller may touch, so it
     * is refused with safeupdate's error before anything is read.
     */
    private static void requireFilter(RestRequest request, String command) {
        if (request.query().filters().isEmpty()) {
            throw new DatabaseError("21000", command + " requires a WHERE clause");
        }
    }

    private static List<String> representation(Connection connection, RestRequest request, List<Long> rowids)
            throws SQLException {
        if (request.singleObject() && rowids.size() != 1) {
            throw PostgrestException.notSingular(rowids.size());
        }
        if (!request.preferences().representation()) {
            return List.of();
        }
        ReadPlan plan = request.plan();
        return RowFetcher.fetch(connection, plan, request.sql().selectRows(plan.sqlColumns(), rowids));
    }

    private static Response writeResponse(RestRequest request, Outcome outcome, int status) {
        Response response;
        if (!request.preferences().representation()) {
            response = Response.empty(status);
        } else if (request.singleObject()) {
            response = Response.json(status, outcome.rendered().getFirst())
                    .header("Content-Type", RestRoutes.SINGLE_OBJECT + "; charset=utf-8");
        } else {
            response = Response.json(status, RowFetcher.array(outcome.rendered()));
        }
        String applied = request.preferences().applied();
        return applied.isEmpty() ? response : response.header("Preference-Applied", applied);
    }

    private static List<Long> execute(Connection connection, SqlStatement statement, TableInfo table,
                                      Map<String, Object> row) {
        List<Long> rowids = new ArrayList<>();
        try (PreparedStatement st = statement.prepare(connection)) {
            if (statement.sql().contains(" RETURNING ")) {
                try (ResultSet rs = st.executeQuery()) {
                    while (rs.next()) {
                        rowids.add(rs.getLong(1));
                    }
                }
            } else {
                st.executeUpdate();
            }
        } catch (SQLException e) {
            throw SqliteErrorTranslator.translate(e, connection, table, row);
        }
        return rowids;
    }

    private static SqlBuilder.Conflict conflict(RestRequest request) {
        String resolution = request.preferences().resolution();
        if (resolution == null) {
            return null;
        }
        List<String> target = request.query().onConflict().isEmpty() ? request.table().primaryKey()
                : request.query().onConflict();
        target.forEach(request.sql()::column);
        return new SqlBuilder.Conflict(target, resolution.equals("merge-duplicates"));
    }

    private static long rowCount(Connection connection, TableInfo table) throws SQLException {
        try (PreparedStatement st = connection.prepareStatement("SELECT count(*) FROM \""
                + table.name().replace("\"", "\"\"") + "\""); ResultSet rs = st.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private String location(RestRequest request, long rowid) throws SQLException {
        List<String> pk = request.table().primaryKey();
        SqlStatement select = request.sql().selectRows(pk, List.of(rowid));
        List<String> parts = database.read(c -> {
            List<String> found = new ArrayList<>();
            try (PreparedStatement st = select.prepare(c); ResultSet rs = st.executeQuery()) {
                if (rs.next()) {
                    for (int i = 0; i < pk.size(); i++) {
                        found.add(URLEncoder.encode(pk.get(i), StandardCharsets.UTF_8) + "=eq."
                                + URLEncoder.encode(request.sql().column(pk.get(i)).type().display(rs.getObject(i + 1)),
                                StandardCharsets.UTF_8));
                    }
                }
            }
            return found;
        });
        if (parts.isEmpty()) {
            return "/" + request.table().name();
        }
        return "/" + request.table().name() + "?" + String.join("&", parts);
    }

    /**
     * Tables the migrations grant SELECT only on, to every role: revisions are written by their triggers and
     * functions alone. Postgres refuses any other write before looking at rows.
     */
    private static final java.util.Set<String> READ_ONLY_TABLES = java.util.Set.of("revisions");

    private static void requireWritable(TableInfo table) {
        if (READ_ONLY_TABLES.contains(table.name())) {
            throw new DatabaseError("42501", "permission denied for table " + table.name());
        }
    }

    private static DatabaseError rlsViolation(TableInfo table) {
        return new DatabaseError("42501", "new row violates row-level security policy for table \""
                + table.name() + "\"");
    }
}
