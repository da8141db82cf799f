package com.storymimi.studio.local.rest;

import com.storymimi.studio.local.http.QueryParam;

import java.util.List;
import java.util.Optional;

/**
 * A parsed PostgREST query string. {@code embedParams} keeps parameters aimed at embedded resources
 * ({@code scenes.order=...}) so that a later version can apply them; today they are refused.
 */
public record QueryAst(List<SelectItem> select, List<Condition> filters, List<OrderTerm> order,
                       Optional<Long> limit, long offset, Optional<List<String>> columns, List<String> onConflict,
                       List<QueryParam> embedParams) {

    public QueryAst {
        select = List.copyOf(select);
        filters = List.copyOf(filters);
        order = List.copyOf(order);
        onConflict = List.copyOf(onConflict);
        embedParams = List.copyOf(embedParams);
    }
}
