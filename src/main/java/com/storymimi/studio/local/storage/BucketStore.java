package com.storymimi.studio.local.storage;

import com.google.gson.Gson;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonParser;
import com.storymimi.studio.local.db.Database;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The bucket rows in SQLite. */
final class BucketStore {

    private static final String COLUMNS = "id, name, owner, public, file_size_limit, allowed_mime_types,"
            + " created_at, updated_at";
    private static final List<String> SORT_COLUMNS = List.of("id", "name", "created_at", "updated_at");
    private static final Gson GSON = new Gson();

    private final Database database;
    private final Clock clock;

    BucketStore(Database database, Clock clock) {
        this.database = database;
        this.clock = clock;
    }

    /** Inserts the bucket unless one with its id exists; returns whether it was created. */
    boolean insert(Bucket bucket, String name, String owner) throws SQLException {
        String now = IsoTime.format(clock.instant());
        return database.write(c -> {
            try (PreparedStatement st = c.prepareStatement("INSERT OR IGNORE INTO sb_storage_buckets (" + COLUMNS
                    + ") VALUES (?,?,?,?,?,?,?,?)")) {
                st.setString(1, bucket.id());
                st.setString(2, name);
                st.setString(3, owner);
                st.setInt(4, bucket.isPublic() ? 1 : 0);
                setLimit(st, 5, bucket.fileSizeLimit());
                st.setString(6, encodeTypes(bucket.allowedMimeTypes()));
                st.setString(7, now);
                st.setString(8, now);
                return st.executeUpdate() == 1;
            }
        });
    }

    Optional<BucketRow> find(String id) throws SQLException {
        return database.read(c -> find(c, id));
    }

    static Optional<BucketRow> find(Connection c, String id) throws SQLException {
        try (PreparedStatement st = c.prepareStatement("SELECT " + COLUMNS + " FROM sb_storage_buckets WHERE id = ?")) {
            st.setString(1, id);
            try (ResultSet rs = st.executeQuery()) {
                return rs.next() ? Optional.of(row(rs)) : Optional.empty();
            }
        }
    }

    /** {@code GET /bucket}: search is a case-insensitive substring of the name, like Storage's ilike. */
    List<BucketRow> list(String sortColumn, String sortOrder, long limit, long offset, String search)
            throws SQLException {
        String column = SORT_COLUMNS.contains(sortColumn) ? sortColumn : "name";
        String order = "desc".equalsIgnoreCase(sortOrder) ? "DESC" : "ASC";
        String sql = "SELECT " + COLUMNS + " FROM sb_storage_buckets WHERE instr(lower(coalesce(name, id)), ?) > 0"
                + " ORDER BY " + (column.equals("name") ? "coalesce(name, id)" : column) + " " + order
                + ", id LIMIT ? OFFSET ?";
        return database.read(c -> {
            try (PreparedStatement st = c.prepareStatement(sql)) {
                st.setString(1, search.toLowerCase(Locale.ROOT));
                st.setLong(2, limit);
                st.setLong(3, offset);
                List<BucketRow> rows = new ArrayList<>();
                try (ResultSet rs = st.executeQuery()) {
                    while (rs.next()) {
                        rows.add(row(rs));
                    }
                }
                return rows;
            }
        });
    }

    /** Applies a patch; false when there is no such bucket. */
    boolean update(String id, BucketPatch patch) throws SQLException {
        String sql = "UPDATE sb_storage_buckets SET public = coalesce(?, public),"
                + " file_size_limit = CASE WHEN ? THEN ? ELSE file_size_limit END,"
                + " allowed_mime_types = CASE WHEN ? THEN ? ELSE allowed_mime_types END, updated_at = ? WHERE id = ?";
        return database.write(c -> {
            try (PreparedStatement st = c.prepareStatement(sql)) {
                if (patch.isPublic() == null) {
                    st.setNull(1, Types.INTEGER);
                } else {
                    st.setInt(1, patch.isPublic() ? 1 : 0);
                }
                st.setBoolean(2, patch.fileSizeLimitSet());
                setLimit(st, 3, patch.fileSizeLimit());
                st.setBoolean(4, patch.allowedMimeTypesSet());
                st.setString(5, encodeTypes(patch.allowedMimeTypes()));
                st.setString(6, IsoTime.format(clock.instant()));
                st.setString(7, id);
                return st.executeUpdate() == 1;
            }
        });
    }

    /** Deletes an empty bucket. */
    void delete(String id) throws SQLException {
        database.write(c -> {
            if (find(c, id).isEmpty()) {
                throw StorageException.noSuchBucket();
            }
            try (PreparedStatement st = c.prepareStatement("SELECT 1 FROM sb_storage_objects WHERE bucket_id = ? LIMIT 1")) {
                st.setString(1, id);
                try (ResultSet rs = st.executeQuery()) {
                    if (rs.next()) {
                        throw StorageException.bucketNotEmpty();
                    }
                }
            }
            try (PreparedStatement st = c.prepareStatement("DELETE FROM sb_storage_buckets WHERE id = ?")) {
                st.setString(1, id);
                st.executeUpdate();
            }
            return null;
        });
    }

    private static BucketRow row(ResultSet rs) throws SQLException {
        long limit = rs.getLong("file_size_limit");
        Bucket bucket = new Bucket(rs.getString("id"), rs.getInt("public") != 0, rs.wasNull() ? 0 : limit,
                decodeTypes(rs.getString("allowed_mime_types")));
        String name = rs.getString("name");
        return new BucketRow(bucket, name == null ? bucket.id() : name, rs.getString("owner"),
                Instant.parse(rs.getString("created_at")), Instant.parse(rs.getString("updated_at")));
    }

    private static void setLimit(PreparedStatement st, int index, long limit) throws SQLException {
        if (limit > 0) {
            st.setLong(index, limit);
        } else {
            st.setNull(index, Types.INTEGER);
        }
    }

    private static String encodeTypes(List<String> types) {
        return types == null || types.isEmpty() ? null : GSON.toJson(types);
    }

    /** A JSON array; rows written by the first sandbox release hold a comma-separated list instead. */
    private static List<String> decodeTypes(String stored) {
        if (stored == null || stored.isBlank()) {
            return List.of();
        }
        if (!stored.startsWith("[")) {
            return Arrays.asList(stored.split(","));
        }
        JsonArray array = JsonParser.parseString(stored).getAsJsonArray();
        List<String> types = new ArrayList<>();
        for (JsonElement element : array) {
            types.add(element.getAsString());
        }
        return types;
    }
}
