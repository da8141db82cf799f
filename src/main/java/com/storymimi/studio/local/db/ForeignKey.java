package com.storymimi.studio.local.db;

import java.util.List;

/** A foreign key, named as Postgres would name it (table_col_fkey). */
public record ForeignKey(String name, List<String> columns, String referencedTable, List<String> referencedColumns) {
    public ForeignKey {
        columns = List.copyOf(columns);
        referencedColumns = List.copyOf(referencedColumns);
    }
}
