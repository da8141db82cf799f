package com.storymimi.studio.local.db;

/** One column as PRAGMA table_info describes it, with its Postgres type. */
public record ColumnInfo(String name, ColumnType type, boolean notNull, boolean hasDefault, boolean primaryKey) {
}
