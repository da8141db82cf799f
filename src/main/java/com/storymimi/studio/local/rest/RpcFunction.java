package com.storymimi.studio.local.rest;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.storymimi.studio.local.db.ColumnType;
import com.storymimi.studio.local.auth.AccessPolicy;
import com.storymimi.studio.local.db.Catalog;
import com.storymimi.studio.local.db.TableInfo;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A function of supabase/migrations implemented natively, with the same name, parameters, result and
 * errors. It runs inside the request's transaction (one transaction per call, as in Postgres) and, being
 * SECURITY INVOKER there, applies the caller's row-level security itself.
 */
interface RpcFunction {

    String name();

    /** Every parameter name. */
    List<String> parameters();

    /** The parameters without a DEFAULT. */
    Set<String> required();

    /** Volatile functions write: they need POST (GET gives 405 with {@link #readOnlyError()}). */
    boolean writes();

    /** Postgres's 25006 message when a volatile function runs in a read-only (GET) transaction. */
    default String readOnlyError() {
        return "cannot execute INSERT in a read-only transaction";
    }

    /** @param args JSON values by parameter name (absent: the DEFAULT applies) */
    Result call(Connection connection, Map<String, JsonElement> args, Context context) throws SQLException;

    /** What a function may use besides its arguments. */
    record Context(Catalog catalog, AccessPolicy.Grants grants, Caller caller) {
    }

    /** Who calls: the verified token's "sub" and "email" claims (an API key has neither). */
    record Caller(String sub, String email) {

        static Caller of(JsonObject claims) {
            return new Caller(textClaim(claims, "sub"), textClaim(claims, "email"));
        }

        /** Supabase's auth.uid(): the sub as a uuid, null without one, 22P02 when it is not a uuid. */
        String uid() {
            return sub == null || sub.isEmpty() ? null : (String) ColumnType.UUID.parseText(sub);
        }

        private static String textClaim(JsonObject claims, String name) {
            JsonElement value = claims.get(name);
            return value != null && value.isJsonPrimitive() ? value.getAsString() : null;
        }
    }

    /** A function result: one JSON value, or a set of rows that select/filters/order/range then apply to. */
    sealed interface Result {
        record Scalar(String json) implements Result {
        }

        record Rows(TableInfo shape, SqlBuilder.Source source) implements Result {
        }
    }
}
