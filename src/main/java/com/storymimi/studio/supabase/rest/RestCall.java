package com.storymimi.studio.supabase.rest;

import com.storymimi.studio.supabase.http.ApiRequest;
import com.storymimi.studio.supabase.http.QueryString;
import com.storymimi.studio.supabase.http.SupabaseApi;

import java.util.ArrayList;
import java.util.List;
import java.util.StringJoiner;
import java.util.function.Consumer;

/**
 * Everything a PostgREST request is made of, before it becomes an {@link ApiRequest}. Builders never change
 * a shared instance: {@link #with} copies, applies the change to the copy, and hands the copy over.
 */
final class RestCall {

    static final String SCHEMA = "public";
    static final String SINGLE_OBJECT = "application/vnd.pgrst.object+json";

    String method;
    String path;
    String select;
    String columns;
    String onConflict;
    List<Filter> filters = new ArrayList<>();
    List<Order> orders = new ArrayList<>();
    Long offset;
    Long limit;
    Resolution resolution;
    Count count;
    boolean returnRepresentation;
    String accept;
    String body;

    RestCall(String method, String path) {
        this.method = method;
        this.path = path;
    }

    RestCall with(Consumer<RestCall> change) {
        RestCall copy = new RestCall(method, path);
        copy.select = select;
        copy.columns = columns;
        copy.onConflict = onConflict;
        copy.filters = new ArrayList<>(filters);
        copy.orders = new ArrayList<>(orders);
        copy.offset = offset;
        copy.limit = limit;
        copy.resolution = resolution;
        copy.count = count;
        copy.returnRepresentation = returnRepresentation;
        copy.accept = accept;
        copy.body = body;
        change.accept(copy);
        return copy;
    }

    /** Parameters in a fixed order: select, columns, on_conflict, filters, order, offset, limit. */
    ApiRequest toApiRequest() {
        ApiRequest request = ApiRequest.of(SupabaseApi.REST, method, path).withQuery(query());
        boolean read = method.equals("GET") || method.equals("HEAD");
        request = read
                ? request.withHeader("Accept-Profile", SCHEMA)
                : request.withHeader("Content-Profile", SCHEMA).withHeader("Content-Type", "application/json");
        if (accept != null) {
            request = request.withHeader("Accept", accept);
        }
        String prefer = prefer();
        if (!prefer.isEmpty()) {
            request = request.withHeader("Prefer", prefer);
        }
        return body == null ? request : request.withJsonBody(body);
    }

    private QueryString query() {
        QueryString query = QueryString.empty();
        if (select != null) {
            query = query.with("select", select);
        }
        if (columns != null) {
            query = query.with("columns", columns);
        }
        if (onConflict != null) {
            query = query.with("on_conflict", onConflict);
        }
        for (Filter filter : filters) {
            QueryString.Param param = FilterEncoder.param(filter);
            query = query.with(param.key(), param.value());
        }
        if (!orders.isEmpty()) {
            StringJoiner keys = new StringJoiner(",");
            orders.forEach(order -> keys.add(order.toParam()));
            query = query.with("order", keys.toString());
        }
        if (offset != null) {
            query = query.with("offset", offset.toString());
        }
        if (limit != null) {
            query = query.with("limit", limit.toString());
        }
        return query;
    }

    /** Joined with ", " in one header, in supabase-js' order: resolution, count, return. */
    private String prefer() {
        StringJoiner prefer = new StringJoiner(", ");
        if (resolution != null) {
            prefer.add(resolution.preference());
        }
        if (count != null) {
            prefer.add(count.preference());
        }
        if (returnRepresentation) {
            prefer.add("return=representation");
        }
        return prefer.toString();
    }

    /** supabase-js strips whitespace outside double quotes from select lists. */
    static String cleanSelect(String columns) {
        StringBuilder out = new StringBuilder(columns.length());
        boolean quoted = false;
        for (int i = 0; i < columns.length(); i++) {
            char c = columns.charAt(i);
            if (Character.isWhitespace(c) && !quoted) {
                continue;
            }
            if (c == '"') {
                quoted = !quoted;
            }
            out.append(c);
        }
        if (out.isEmpty()) {
            throw new IllegalArgumentException("select needs at least one column (or *)");
        }
        return out.toString();
    }
}
