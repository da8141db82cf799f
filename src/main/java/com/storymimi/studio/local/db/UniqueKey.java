package com.storymimi.studio.local.db;

import java.util.List;

/** A primary key or unique constraint, named as Postgres would name it (table_pkey, table_cols_key). */
public record UniqueKey(String name, List<String> columns, boolean primary) {
    public UniqueKey {
        columns = List.copyOf(columns);
    }
}
