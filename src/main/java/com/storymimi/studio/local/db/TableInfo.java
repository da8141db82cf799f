package com.storymimi.studio.local.db;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** What the REST layer knows about one exposed table. Columns keep their declaration order. */
public record TableInfo(String name, List<ColumnInfo> columns, List<ForeignKey> foreignKeys, List<UniqueKey> uniqueKeys) {

    public TableInfo {
        columns = List.copyOf(columns);
        foreignKeys = List.copyOf(foreignKeys);
        uniqueKeys = List.copyOf(uniqueKeys);
    }

    public Optional<ColumnInfo> column(String columnName) {
        return columns.stream().filter(c -> c.name().equals(columnName)).findFirst();
    }

    public Map<String, ColumnInfo> columnsByName() {
        Map<String, ColumnInfo> byName = new LinkedHashMap<>();
        columns.forEach(c -> byName.put(c.name(), c));
        return byName;
    }

    public List<String> primaryKey() {
        return uniqueKeys.stream().filter(UniqueKey::primary).findFirst().map(UniqueKey::columns).orElse(List.of());
    }
}
