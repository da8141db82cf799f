package com.storymimi.studio.local.rest;

import com.storymimi.studio.local.db.Database;
import com.storymimi.studio.local.http.Response;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;

/** GET and HEAD on a table: rows, optional exact count, Content-Range and the 200/206/416 rules. */
final class ReadExecutor {

    private final Database database;

    ReadExecutor(Database database) {
        this.database = database;
    }

    private record Page(List<String> rows, Long total) {
    }

    Response read(RestRequest request) throws SQLException {
        QueryAst query = request.query();
        SqlBuilder sql = request.sql();
        List<ProjectedColumn> projection = sql.projection(query.select());
        boolean visible = request.grants().selectRows();
        long limit = Math.min(query.limit().orElse(SqlBuilder.MAX_ROWS), SqlBuilder.MAX_ROWS);
        SqlStatement select = sql.select(projection, query.filters(), visible, query.order(), limit, query.offset());
        SqlStatement count = request.preferences().wantsCount() ? sql.count(query.filters(), visible) : null;
        Page page = database.read(connection -> {
            List<String> rows = RowRenderer.fetch(connection, select, projection);
            Long total = null;
            if (count != null) {
                try (PreparedStatement st = count.prepare(connection); ResultSet rs = st.executeQuery()) {
                    rs.next();
                    total = rs.getLong(1);
                }
            }
            return new Page(rows, total);
        });
        return respond(request, page);
    }

    private static Response respond(RestRequest request, Page page) {
        long offset = request.query().offset();
        int rows = page.rows().size();
        String contentRange = RangeHeaders.contentRange(offset, rows, page.total());
        int status = RangeHeaders.readStatus(offset, rows, page.total());
        if (status == 416) {
            throw new PostgrestException(416, "PGRST103", "Requested range not satisfiable",
                    "An offset of " + offset + " was requested, but there are only " + page.total() + " rows.", null)
                    .withHeader("Content-Range", contentRange);
        }
        Response response;
        if (request.singleObject()) {
            if (rows != 1) {
                throw PostgrestException.notSingular(rows);
            }
            response = Response.json(200, page.rows().getFirst())
                    .header("Content-Type", RestRoutes.SINGLE_OBJECT + "; charset=utf-8");
        } else {
            response = Response.json(status, RowRenderer.array(page.rows()));
        }
        if (request.preferences().wantsCount()) {
            response.header("Preference-Applied", "count=" + request.preferences().count());
        }
        return response.header("Content-Range", contentRange);
    }
}
