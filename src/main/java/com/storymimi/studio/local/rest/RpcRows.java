package com.storymimi.studio.local.rest;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.storymimi.studio.local.db.Catalog;
import com.storymimi.studio.local.db.ColumnInfo;
import com.storymimi.studio.local.db.SqliteErrorTranslator;
import com.storymimi.studio.local.db.TableInfo;
import com.storymimi.studio.local.http.QueryParam;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Whole rows inside a native function, through the same pipeline as table requests: a read renders rows as
 * Postgres's to_jsonb does, an insert takes such JSON back as jsonb_populate_record does, and its constraint
 * errors read as Postgres's.
 */
final class RpcRows {

    private RpcRows() {
    }

    /** The rows a PostgREST query on the table would give (select, filters, order), as JSON objects. */
    static List<String> select(Connection connection, Catalog catalog, String table, List<QueryParam> params)
            throws SQLException {
        QueryAst query = QueryStringParser.parse(params);
        SqlBuilder sql = new SqlBuilder(catalog.table(table).orElseThrow());
        ReadPlan plan = ReadPlanner.plan(catalog, sql, query, true, true);
        SqlStatement select = sql.select(plan.sqlColumns(), plan.filters(), plan.predicates(), true, query.order(),
                query.limit().orElse(SqlBuilder.MAX_ROWS), 0);
        return RowFetcher.fetch(connection, plan, select);
    }

    /** The stored values of a row given as JSON: every column of the table, a missing key is null. */
    static Map<String, Object> fromJson(TableInfo table, JsonObject json) {
        Map<String, Object> row = new LinkedHashMap<>();
        for (ColumnInfo column : table.columns()) {
            JsonElement value = json.get(column.name());
            row.put(column.name(), column.type().fromJson(value));
        }
        return row;
    }

    static void insert(Connection connection, TableInfo table, Map<String, Object> row) {
        SqlStatement insert = new SqlBuilder(table).insert(row, null);
        try (PreparedStatement st = insert.prepare(connection)) {
            st.executeQuery().close();
        } catch (SQLException e) {
            throw SqliteErrorTranslator.translate(e, connection, table, row);
        }
    }
}
