package com.storymimi.studio.local.rest;

import com.storymimi.studio.local.db.Database;
import com.storymimi.studio.local.http.Response;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;

/**
 * GET and HEAD on a table or a set-returning function: rows with their embeds, optional exact count,
 * Content-Range and the 200/206/416 rules.
 */
final class ReadExecutor {

    private final Database database;

    ReadExecutor(Database database) {
        this.database = database;
    }

    private record Page(List<String> rows, Long total, long offset) {
    }

    Response read(RestRequest request) throws SQLException {
        return database.read(connection -> readOn(connection, request));
    }

    /** Reads inside a transaction the caller owns (an RPC reads its own writes before committing). */
    Response readOn(Connection connection, RestRequest request) throws SQLException {
        QueryAst query = request.query();
        ReadPlan plan = request.plan();
        RangeHeaders.Window window = RangeHeaders.window(query.offset(), query.limit(), request.rangeHeader());
        long limit = Math.min(window.limit() == null ? SqlBuilder.MAX_ROWS : window.limit(), SqlBuilder.MAX_ROWS);
        SqlStatement select = plan.sql().select(plan.sqlColumns(), plan.filters(), plan.predicates(),
                plan.rowsVisible(), query.order(), limit, window.offset());
        List<String> rows = RowFetcher.fetch(connection, plan, select);
        Long total = null;
        if (request.preferences().wantsCount()) {
            SqlStatement count = plan.sql().count(plan.filters(), plan.predicates(), plan.rowsVisible());
            try (PreparedStatement st = count.prepare(connection); ResultSet rs = st.executeQuery()) {
                rs.next();
                total = rs.getLong(1);
            }
        }
        return respond(request, new Page(rows, total, window.offset()));
    }

    private static Response respond(RestRequest request, Page page) {
        long offset = page.offset();
        int rows = page.rows().size();
        String contentRange = RangeHeaders.contentRange(offset, rows, page.total());
        int status = RangeHeaders.readStatus(offset, rows, page.total());
        if (status == 416) {
            throw new PostgrestException(416, "PGRST103", "Requested range not satisfiable",
                    "An offset of " + offset + " was requested, but there are only " + page.total() + " rows.", null)
                    .withHeader("Content-Range", contentRange)
                    .withHeader("Preference-Applied", "count=" + request.preferences().count());
        }
        Response response;
        if (request.singleObject()) {
            if (rows != 1) {
                throw PostgrestException.notSingular(rows);
            }
            response = Response.json(200, page.rows().getFirst())
                    .header("Content-Type", RestRoutes.SINGLE_OBJECT + "; charset=utf-8");
        } else {
            response = Response.json(status, RowFetcher.array(page.rows()));
        }
        if (request.preferences().wantsCount()) {
            response.header("Preference-Applied", "count=" + request.preferences().count());
        }
        return response.header("Content-Range", contentRange);
    }
}
