package com.storymimi.studio.local.rest;

import java.util.ArrayList;
import java.util.List;

/**
 * How to read and render one level of a response: the projected columns and embeds in select order, the
 * hidden key columns the embeds join on, and this level's filters (plus inner-join predicates). The SQL
 * column list is the projected columns followed by the key columns.
 *
 * @param rowsVisible whether the role's row-level security lets it see this level's rows at all
 */
record ReadPlan(SqlBuilder sql, List<ProjectedColumn> projected, List<Slot> slots, List<EmbedPlan> embeds,
                List<String> keyColumns, List<Condition> filters, List<SqlBuilder.Predicate> predicates,
                boolean rowsVisible) {

    /** One key of the output object: a projected column (by index) or an embed (by index). */
    sealed interface Slot {
        record Column(int index) implements Slot {
        }

        record Embedded(int index) implements Slot {
        }
    }

    /** An embedded resource: its output key, the relationship, the child level and its per-embed modifiers. */
    record EmbedPlan(String outputName, Relationship relationship, ReadPlan child, List<OrderTerm> order,
                     Long limit, long offset, boolean visible) {
    }

    ReadPlan {
        projected = List.copyOf(projected);
        slots = List.copyOf(slots);
        embeds = List.copyOf(embeds);
        keyColumns = List.copyOf(keyColumns);
        filters = List.copyOf(filters);
        predicates = List.copyOf(predicates);
    }

    List<String> sqlColumns() {
        List<String> columns = new ArrayList<>();
        projected.forEach(p -> columns.add(p.column().name()));
        columns.addAll(keyColumns);
        return columns;
    }

    int[] keyIndexes(List<String> columns) {
        int[] indexes = new int[columns.size()];
        for (int i = 0; i < indexes.length; i++) {
            indexes[i] = projected.size() + keyColumns.indexOf(columns.get(i));
        }
        return indexes;
    }
}
