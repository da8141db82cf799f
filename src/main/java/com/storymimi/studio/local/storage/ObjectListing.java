package com.storymimi.studio.local.storage;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;

import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * {@code POST /object/list/{bucket}}: one folder level, sub-folders as entries with null id, timestamps and
 * metadata, sorted like Storage's search function (by {@code lower(name)} in C collation, folders mixed in
 * among files), then offset and limit.
 */
final class ObjectListing {

    static final int MAX_LIMIT = 1500;
    private static final List<String> SORT_COLUMNS = List.of("name", "updated_at", "created_at", "last_accessed_at");

    /** One entry: its name below the prefix and, for files, the object. */
    private record Entry(String name, StoredObject object) {
    }

    private final ObjectStore store;

    ObjectListing(ObjectStore store) {
        this.store = store;
    }

    JsonArray list(String bucketId, JsonObject body) throws SQLException {
        String prefix = JsonBodies.requiredString(body, "prefix");
        if (!prefix.isEmpty() && !prefix.endsWith("/")) {
            prefix += "/";
        }
        long limit = Math.min(JsonBodies.optionalInteger(body, "limit", 0).orElse(100L), MAX_LIMIT);
        long offset = JsonBodies.optionalInteger(body, "offset", 0).orElse(0L);
        String search = JsonBodies.optionalString(body, "search").orElse("").toLowerCase(Locale.ROOT);
        Comparator<Entry> order = order(body.get("sortBy"));

        List<Entry> entries = entries(bucketId, prefix).stream()
                .filter(e -> e.name().toLowerCase(Locale.ROOT).startsWith(search))
                .sorted(order).skip(offset).limit(limit).toList();
        JsonArray result = new JsonArray();
        for (Entry entry : entries) {
            result.add(entry.object() == null ? ObjectJson.listedFolder(entry.name())
                    : ObjectJson.listedFile(entry.name(), entry.object()));
        }
        return result;
    }

    private List<Entry> entries(String bucketId, String prefix) throws SQLException {
        Map<String, Entry> folders = new LinkedHashMap<>();
        List<Entry> entries = new ArrayList<>();
        for (StoredObject object : store.underPrefix(bucketId, prefix)) {
            String rest = object.name().substring(prefix.length());
            int slash = rest.indexOf('/');
            if (slash < 0) {
                entries.add(new Entry(rest, object));
            } else {
                folders.putIfAbsent(rest.substring(0, slash), new Entry(rest.substring(0, slash), null));
            }
        }
        entries.addAll(folders.values());
        return entries;
    }

    /** Name order is lower(name) byte order; other columns put folders (null) last ascending, first descending. */
    private static Comparator<Entry> order(JsonElement sortBy) {
        String column = "name";
        boolean descending = false;
        if (sortBy != null && sortBy.isJsonObject()) {
            JsonObject spec = sortBy.getAsJsonObject();
            column = JsonBodies.optionalString(spec, "column").filter(SORT_COLUMNS::contains).orElse("name");
            descending = JsonBodies.optionalString(spec, "order").map("desc"::equalsIgnoreCase).orElse(false);
        }
        Comparator<Entry> byName = Comparator.comparing(e -> e.name().toLowerCase(Locale.ROOT));
        if (column.equals("name")) {
            return descending ? byName.reversed() : byName;
        }
        Function<StoredObject, Instant> time = switch (column) {
            case "updated_at" -> StoredObject::updatedAt;
            case "created_at" -> StoredObject::createdAt;
            default -> StoredObject::lastAccessedAt;
        };
        Comparator<Entry> byTime = Comparator.comparing(e -> e.object() == null ? null : time.apply(e.object()),
                Comparator.nullsLast(Comparator.naturalOrder()));
        return (descending ? byTime.reversed() : byTime).thenComparing(byName);
    }
}
