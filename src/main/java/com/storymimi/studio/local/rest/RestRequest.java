package com.storymimi.studio.local.rest;

import com.storymimi.studio.local.auth.AccessPolicy;
import com.storymimi.studio.local.auth.Role;
import com.storymimi.studio.local.db.Catalog;
import com.storymimi.studio.local.db.TableInfo;

import java.util.Optional;

/**
 * Everything an executor needs about one /rest/v1 request after parsing and authentication.
 *
 * @param table    the rows' shape: the table, or the table/record type an RPC function returns
 * @param source   where the rows come from (the table, or the function's result set)
 * @param function true for an RPC result: the function applied row-level security itself
 * @param caller   who sends it, for what the migrations' triggers record
 */
record RestRequest(TableInfo table, SqlBuilder.Source source, boolean function, Catalog catalog, QueryAst query,
                   Preferences preferences, boolean singleObject, Role role,
                   Optional<RangeHeaders.Requested> rangeHeader, RpcFunction.Caller caller) {

    AccessPolicy.Grants grants() {
        return AccessPolicy.grantsFor(role);
    }

    SqlBuilder sql() {
        return new SqlBuilder(table, source, table.name());
    }

    ReadPlan plan() {
        return ReadPlanner.plan(catalog, sql(), query, function || grants().selectRows(), grants().selectRows());
    }
}
