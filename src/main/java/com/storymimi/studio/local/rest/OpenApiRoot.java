package com.storymimi.studio.local.rest;

import com.google.gson.JsonObject;
import com.storymimi.studio.local.db.Catalog;
import com.storymimi.studio.local.db.ColumnInfo;
import com.storymimi.studio.local.db.TableInfo;
import com.storymimi.studio.local.http.Response;

/**
 * {@code GET /rest/v1/}: a small OpenAPI 2 description of the exposed tables, enough for tools that probe
 * the root (and for a cheap health check).
 */
final class OpenApiRoot {

    private OpenApiRoot() {
    }

    static Response describe(Catalog catalog) {
        JsonObject root = new JsonObject();
        root.addProperty("swagger", "2.0");
        JsonObject info = new JsonObject();
        info.addProperty("title", "StoryMimi local sandbox");
        info.addProperty("version", "12.2.0");
        root.add("info", info);
        JsonObject paths = new JsonObject();
        JsonObject definitions = new JsonObject();
        for (TableInfo table : catalog.tables()) {
            paths.add("/" + table.name(), new JsonObject());
            JsonObject properties = new JsonObject();
            for (ColumnInfo column : table.columns()) {
                JsonObject property = new JsonObject();
                property.addProperty("format", column.type().pgName());
                properties.add(column.name(), property);
            }
            JsonObject definition = new JsonObject();
            definition.add("properties", properties);
            definitions.add(table.name(), definition);
        }
        root.add("paths", paths);
        root.add("definitions", definitions);
        return Response.json(200, root.toString()).header("Content-Type", "application/openapi+json; charset=utf-8");
    }
}
