package com.storymimi.studio.local.rest;

import com.storymimi.studio.local.auth.AccessPolicy;
import com.storymimi.studio.local.auth.Role;
import com.storymimi.studio.local.db.TableInfo;

/** Everything an executor needs about one /rest/v1 request after parsing and authentication. */
record RestRequest(TableInfo table, QueryAst query, Preferences preferences, boolean singleObject, Role role) {

    AccessPolicy.Grants grants() {
        return AccessPolicy.grantsFor(role);
    }

    SqlBuilder sql() {
        return new SqlBuilder(table);
    }
}
