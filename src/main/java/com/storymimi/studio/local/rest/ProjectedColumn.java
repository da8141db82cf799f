package com.storymimi.studio.local.rest;

import com.storymimi.studio.local.db.ColumnInfo;

/** A column in a response: its JSON key, its source column, and whether {@code ::text} was asked for. */
record ProjectedColumn(String outputName, ColumnInfo column, boolean asText) {
}
