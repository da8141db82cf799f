package com.storymimi.studio.local.rest;

import com.storymimi.studio.local.db.Catalog;
import com.storymimi.studio.local.db.TableInfo;
import com.storymimi.studio.local.http.QueryParam;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Builds the {@link ReadPlan} tree of a request: resolves each embed's relationship, hands every
 * embed-scoped parameter ({@code scenes.order}, {@code s.limit}, {@code scenes.text=ilike.*x*}) to the embed
 * named by alias or relation, and turns {@code !inner} and {@code embed=[not.]is.null} into predicates on the
 * parent. A parameter aimed at an embed that is not in select is PGRST108, as in PostgREST.
 */
final class ReadPlanner {

    private final Catalog catalog;
    private final boolean rowsVisible;
    private final Map<List<String>, List<QueryParam>> byPath = new LinkedHashMap<>();
    private final Set<List<String>> used = new HashSet<>();

    private ReadPlanner(Catalog catalog, boolean rowsVisible, List<QueryParam> embedParams) {
        this.catalog = catalog;
        this.rowsVisible = rowsVisible;
        for (QueryParam param : embedParams) {
            List<String> segments = List.of(param.key().split("\\."));
            byPath.computeIfAbsent(segments.subList(0, segments.size() - 1), k -> new ArrayList<>()).add(param);
        }
    }

    /**
     * @param topVisible  whether the top level's rows are visible (an RPC applies RLS itself)
     * @param rowsVisible whether the role sees rows of embedded tables
     */
    static ReadPlan plan(Catalog catalog, SqlBuilder sql, QueryAst query, boolean topVisible, boolean rowsVisible) {
        ReadPlanner planner = new ReadPlanner(catalog, rowsVisible, query.embedParams());
        ReadPlan level = planner.level(sql, query.select(), query.filters(), List.of(), List.of());
        ReadPlan plan = new ReadPlan(level.sql(), level.projected(), level.slots(), level.embeds(), level.keyColumns(),
                level.filters(), level.predicates(), topVisible);
        planner.byPath.keySet().stream().filter(path -> !planner.used.contains(path)).findFirst()
                .ifPresent(path -> {
                    throw notEmbedded(path.getLast());
                });
        return plan;
    }

    private ReadPlan level(SqlBuilder sql, List<SelectItem> select, List<Condition> filters, List<String> path,
                           List<String> joinKeys) {
        List<ProjectedColumn> projected = new ArrayList<>();
        List<ReadPlan.Slot> slots = new ArrayList<>();
        List<ReadPlan.EmbedPlan> embeds = new ArrayList<>();
        List<SelectItem.Embed> embedItems = new ArrayList<>();
        Set<String> keys = new LinkedHashSet<>(joinKeys);
        for (SelectItem item : select) {
            switch (item) {
                case SelectItem.Star star -> sql.table().columns().forEach(c -> {
                    projected.add(new ProjectedColumn(c.name(), c, false));
                    slots.add(new ReadPlan.Slot.Column(projected.size() - 1));
                });
                case SelectItem.Field field -> {
                    projected.add(new ProjectedColumn(field.outputName(), sql.column(field.column()),
                            SqlBuilder.castToText(field.cast())));
                    slots.add(new ReadPlan.Slot.Column(projected.size() - 1));
                }
                case SelectItem.Embed embed -> {
                    ReadPlan.EmbedPlan plan = embed(sql.table(), embed, path);
                    embeds.add(plan);
                    embedItems.add(embed);
                    keys.addAll(plan.relationship().fromColumns());
                    slots.add(new ReadPlan.Slot.Embedded(embeds.size() - 1));
                }
            }
        }
        List<Condition> columnFilters = new ArrayList<>();
        List<SqlBuilder.Predicate> predicates = new ArrayList<>();
        for (Condition filter : filters) {
            Optional<Integer> target = embedNullFilter(filter, embedItems);
            if (target.isPresent()) {
                Condition.Comparison c = (Condition.Comparison) filter;
                boolean wantsNull = c.values().getFirst().equals("null") != c.negated();
                predicates.add(joinPredicate(embeds.get(target.get()), wantsNull));
            } else {
                columnFilters.add(filter);
            }
        }
        for (int i = 0; i < embeds.size(); i++) {
            if (embedItems.get(i).inner()) {
                predicates.add(joinPredicate(embeds.get(i), false));
            }
        }
        return new ReadPlan(sql, projected, slots, embeds, List.copyOf(keys), columnFilters, predicates, rowsVisible);
    }

    private ReadPlan.EmbedPlan embed(TableInfo parent, SelectItem.Embed item, List<String> path) {
        Relationship relationship = Relationship.resolve(catalog, parent, item.relation(), item.hint());
        String name = item.alias() != null ? item.alias() : item.relation();
        List<QueryParam> params = new ArrayList<>();
        for (String key : new LinkedHashSet<>(List.of(name, item.relation()))) {
            List<String> embedPath = new ArrayList<>(path);
            embedPath.add(key);
            params.addAll(byPath.getOrDefault(embedPath, List.of()));
            used.add(List.copyOf(embedPath));
        }
        List<String> childPath = new ArrayList<>(path);
        childPath.add(name);
        TableInfo target = relationship.target();
        SqlBuilder childSql = new SqlBuilder(target, SqlBuilder.Source.table(target), target.name() + "_1");
        List<Condition> filters = new ArrayList<>();
        List<OrderTerm> order = List.of();
        Long limit = null;
        long offset = 0;
        for (QueryParam param : params) {
            String key = param.key().substring(param.key().lastIndexOf('.') + 1);
            switch (key) {
                case "order" -> order = QueryStringParser.parseOrder(param.value());
                case "limit" -> limit = QueryStringParser.limit(param.value());
                case "offset" -> offset = QueryStringParser.offset(param.value());
                case "or", "and" -> filters.add(FilterParser.logic(key.equals("or"), false, param.value()));
                default -> filters.add(FilterParser.comparison(FilterParser.unquoteIdentifier(key), param.value()));
            }
        }
        ReadPlan child = level(childSql, item.items(), filters, childPath, relationship.toColumns());
        order.forEach(o -> childSql.column(o.column()));
        return new ReadPlan.EmbedPlan(name, relationship, child, order, limit, offset, rowsVisible);
    }

    /** {@code scenes=not.is.null} (only parents with a match) or {@code scenes=is.null} (only parents without). */
    private static Optional<Integer> embedNullFilter(Condition filter, List<SelectItem.Embed> embeds) {
        if (!(filter instanceof Condition.Comparison c) || c.operator() != Operator.IS) {
            return Optional.empty();
        }
        String value = c.values().getFirst().toLowerCase(Locale.ROOT);
        if (!value.equals("null") && !value.equals("not_null")) {
            return Optional.empty();
        }
        for (int i = 0; i < embeds.size(); i++) {
            SelectItem.Embed e = embeds.get(i);
            if (c.column().equals(e.alias() != null ? e.alias() : e.relation())) {
                return Optional.of(i);
            }
        }
        return Optional.empty();
    }

    /** The parent's join key is (or, for {@code wantsNone}, is not) among the child rows the embed may show. */
    private SqlBuilder.Predicate joinPredicate(ReadPlan.EmbedPlan embed, boolean wantsNone) {
        ReadPlan child = embed.child();
        SqlStatement keys = child.sql().keys(embed.relationship().toColumns(), child.filters(), child.predicates(),
                child.rowsVisible());
        String from = embed.relationship().quotedFromColumns();
        String test = (embed.relationship().fromColumns().size() == 1 ? from : "(" + from + ")") + " IN ("
                + keys.sql() + ")";
        return new SqlBuilder.Predicate(wantsNone ? "coalesce(" + test + ", 0) = 0" : test, keys.params());
    }

    private static PostgrestException notEmbedded(String name) {
        return new PostgrestException(400, "PGRST108", "'" + name + "' is not an embedded resource in this request",
                null, "Verify that '" + name + "' is included in the 'select' query parameter.");
    }
}
