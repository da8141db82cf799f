package com.storymimi.studio.local.storage;

import com.storymimi.studio.local.db.Database;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Buckets and objects: bytes in {@link ObjectFiles}, metadata in SQLite. An upload is streamed to a temp file,
 * fsynced, and renamed into place inside the metadata transaction, so an object is either completely there
 * (file and row) or not visible at all. Files a row no longer points to are deleted after the commit.
 */
public final class ObjectStore {

    private static final String COLUMNS = "id, bucket_id, name, content_type, cache_control, size, etag, owner,"
            + " user_metadata, version, created_at, updated_at, last_accessed_at";

    private final ObjectFiles files;
    private final Database database;
    private final Clock clock;
    private final BucketStore buckets;
    private final long globalSizeLimit;

    /** A store with the Supabase CLI's default project-wide object limit (50 MiB). */
    public ObjectStore(Path root, Database database, Clock clock) throws IOException {
        this(root, database, clock, Bucket.DEFAULT_GLOBAL_FILE_SIZE_LIMIT);
    }

    /** @param globalSizeLimit the project-wide object size limit in bytes; a bucket's own limit may only lower it */
    public ObjectStore(Path root, Database database, Clock clock, long globalSizeLimit) throws IOException {
        if (globalSizeLimit <= 0) {
            throw new IllegalArgumentException("globalSizeLimit must be positive, was " + globalSizeLimit);
        }
        this.globalSizeLimit = globalSizeLimit;
        this.files = new ObjectFiles(root);
        this.database = database;
        this.clock = clock;
        this.buckets = new BucketStore(database, clock);
        try {
            database.write(c -> {
                StorageSchema.upgrade(c);
                return null;
            });
            LegacyObjectLayout.migrate(database, files);
            files.sweep(liveVersions());
        } catch (SQLException e) {
            throw new IOException("The sandbox object catalog could not be prepared", e);
        }
    }

    BucketStore buckets() {
        return buckets;
    }

    Database database() {
        return database;
    }

    ObjectFiles files() {
        return files;
    }

    Clock clock() {
        return clock;
    }

    /** The project-wide object size limit (Storage's global {@code fileSizeLimit}). */
    long globalSizeLimit() {
        return globalSizeLimit;
    }

    /** The largest object {@code bucket} takes: the smaller of the global and the bucket's own limit. */
    long sizeLimitOf(Bucket bucket) {
        return bucket.effectiveSizeLimit(globalSizeLimit);
    }

    /** Creates the bucket unless it exists. */
    public void ensureBucket(Bucket bucket) throws SQLException {
        buckets.insert(bucket, bucket.id(), null);
    }

    public Optional<Bucket> bucket(String id) throws SQLException {
        return buckets.find(id).map(BucketRow::bucket);
    }

    /** Stores an upload with no user metadata; refuses an existing key unless {@code upsert}. Returns the id. */
    public String put(Bucket bucket, String key, InputStream content, String contentType, String cacheControl,
                      boolean upsert, String owner) throws IOException, SQLException {
        return put(bucket, key, content, new UploadSpec(contentType, cacheControl, null, upsert, owner)).id();
    }

    private StoredObject put(Bucket bucket, String key, InputStream content, UploadSpec spec)
            throws IOException, SQLException {
        return put(bucket.id(), key, content, sizeLimitOf(bucket), spec);
    }

    /** Streams an upload into place, refusing it as soon as more than {@code limit} bytes arrived. */
    StoredObject put(String bucketId, String key, InputStream content, long limit, UploadSpec spec)
            throws IOException, SQLException {
        ObjectKeys.requireValidKey(key);
        ObjectFiles.Written written = files.receive(content, limit);
        return commit(bucketId, key, written, spec);
    }

    /** Moves a complete, synced file (a finished resumable upload) into place as an object. */
    StoredObject putFile(String bucketId, String key, Path synced, UploadSpec spec) throws IOException, SQLException {
        ObjectFiles.Written written = new ObjectFiles.Written(synced, Files.size(synced), ObjectFiles.etagOf(synced));
        return commit(bucketId, key, written, spec);
    }

    private StoredObject commit(String bucketId, String key, ObjectFiles.Written written, UploadSpec spec)
            throws IOException, SQLException {
        String version = UUID.randomUUID().toString();
        String now = IsoTime.format(clock.instant());
        try {
            Optional<StoredObject> replaced = database.write(c -> {
                Optional<StoredObject> existing = find(c, bucketId, key);
                if (existing.isPresent() && !spec.upsert()) {
                    throw StorageException.duplicate();
                }
                if (existing.isPresent()) {
                    updateContent(c, existing.get().id(), written, spec, version, now);
                } else {
                    insert(c, UUID.randomUUID().toString(), bucketId, key, written, spec, version, now);
                }
                files.commit(written.temp(), version);
                return existing;
            });
            replaced.ifPresent(old -> deleteFileQuietly(old.version()));
            return find(bucketId, key).orElseThrow(StorageException::noSuchKey);
        } finally {
            Files.deleteIfExists(written.temp());
        }
    }

    public Optional<StoredObject> find(String bucketId, String key) throws SQLException {
        return database.read(c -> find(c, bucketId, key));
    }

    /** Every object whose name starts with {@code prefix}, for listing one folder level. */
    List<StoredObject> underPrefix(String bucketId, String prefix) throws SQLException {
        return database.read(c -> {
            try (PreparedStatement st = c.prepareStatement("SELECT " + COLUMNS + " FROM sb_storage_objects"
                    + " WHERE bucket_id = ? AND substr(name, 1, length(?)) = ?")) {
                st.setString(1, bucketId);
                st.setString(2, prefix);
                st.setString(3, prefix);
                return rows(st);
            }
        });
    }

    /** Deletes the named objects that exist; names that do not are left out of the result. */
    List<StoredObject> delete(String bucketId, List<String> keys) throws SQLException {
        List<StoredObject> deleted = database.write(c -> {
            List<StoredObject> found = new ArrayList<>();
            for (String key : keys) {
                Optional<StoredObject> object = find(c, bucketId, key);
                if (object.isPresent()) {
                    deleteRow(c, object.get().id());
                    found.add(object.get());
                }
            }
            return found;
        });
        deleted.forEach(object -> deleteFileQuietly(object.version()));
        return deleted;
    }

    /** Deletes every object of a bucket. */
    void empty(String bucketId) throws SQLException {
        List<StoredObject> all = underPrefix(bucketId, "");
        delete(bucketId, all.stream().map(StoredObject::name).toList());
    }

    /** Renames an object (within or across buckets); the destination must be free. */
    StoredObject move(String bucketId, String sourceKey, String targetBucket, String targetKey) throws SQLException {
        ObjectKeys.requireValidKey(targetKey);
        database.write(c -> {
            StoredObject source = find(c, bucketId, sourceKey).orElseThrow(StorageException::noSuchKey);
            if (BucketStore.find(c, targetBucket).isEmpty()) {
                throw StorageException.noSuchBucket();
            }
            if (find(c, targetBucket, targetKey).isPresent()) {
                throw StorageException.duplicate();
            }
            try (PreparedStatement st = c.prepareStatement(
                    "UPDATE sb_storage_objects SET bucket_id = ?, name = ?, updated_at = ? WHERE id = ?")) {
                st.setString(1, targetBucket);
                st.setString(2, targetKey);
                st.setString(3, IsoTime.format(clock.instant()));
                st.setString(4, source.id());
                st.executeUpdate();
            }
            return null;
        });
        return find(targetBucket, targetKey).orElseThrow(StorageException::noSuchKey);
    }

    /** Copies an object's bytes to a new key; {@code spec} carries the target's metadata and upsert. */
    StoredObject copy(StoredObject source, Bucket target, String targetKey, UploadSpec spec)
            throws IOException, SQLException {
        ObjectKeys.requireValidKey(targetKey);
        if (source.size() > sizeLimitOf(target)) {
            throw StorageException.tooLarge();
        }
        target.requireAllowed(spec.contentType());
        return commit(target.id(), targetKey, files.copyOf(source.version()), spec);
    }

    private Set<String> liveVersions() throws SQLException {
        return database.read(c -> {
            Set<String> versions = new HashSet<>();
            try (PreparedStatement st = c.prepareStatement("SELECT version FROM sb_storage_objects");
                 ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    versions.add(rs.getString(1));
                }
            }
            return versions;
        });
    }

    private Optional<StoredObject> find(Connection c, String bucketId, String key) throws SQLException {
        try (PreparedStatement st = c.prepareStatement(
                "SELECT " + COLUMNS + " FROM sb_storage_objects WHERE bucket_id = ? AND name = ?")) {
            st.setString(1, bucketId);
            st.setString(2, key);
            List<StoredObject> rows = rows(st);
            return rows.isEmpty() ? Optional.empty() : Optional.of(rows.getFirst());
        }
    }

    private List<StoredObject> rows(PreparedStatement st) throws SQLException {
        List<StoredObject> rows = new ArrayList<>();
        try (ResultSet rs = st.executeQuery()) {
            while (rs.next()) {
                String version = rs.getString("version");
                String accessed = rs.getString("last_accessed_at");
                rows.add(new StoredObject(rs.getString("id"), rs.getString("bucket_id"), rs.getString("name"),
                        rs.getString("content_type"), rs.getString("cache_control"), rs.getLong("size"),
                        rs.getString("etag"), rs.getString("owner"), rs.getString("user_metadata"), version,
                        Instant.parse(rs.getString("created_at")), Instant.parse(rs.getString("updated_at")),
                        accessed == null ? Instant.parse(rs.getString("updated_at")) : Instant.parse(accessed),
                        version == null ? null : files.fileOf(version)));
            }
        }
        return rows;
    }

    private static void insert(Connection c, String id, String bucketId, String key, ObjectFiles.Written written,
                               UploadSpec spec, String version, String now) throws SQLException {
        try (PreparedStatement st = c.prepareStatement("INSERT INTO sb_storage_objects (" + COLUMNS
                + ") VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)")) {
            st.setString(1, id);
            st.setString(2, bucketId);
            st.setString(3, key);
            st.setString(4, spec.contentType());
            st.setString(5, spec.cacheControl());
            st.setLong(6, written.size());
            st.setString(7, written.etag());
            st.setString(8, spec.owner());
            st.setString(9, spec.userMetadata());
            st.setString(10, version);
            st.setString(11, now);
            st.setString(12, now);
            st.setString(13, now);
            st.executeUpdate();
        }
    }

    private static void updateContent(Connection c, String id, ObjectFiles.Written written, UploadSpec spec,
                                      String version, String now) throws SQLException {
        try (PreparedStatement st = c.prepareStatement("UPDATE sb_storage_objects SET content_type = ?,"
                + " cache_control = ?, size = ?, etag = ?, owner = ?, user_metadata = ?, version = ?, updated_at = ?,"
                + " last_accessed_at = ? WHERE id = ?")) {
            st.setString(1, spec.contentType());
            st.setString(2, spec.cacheControl());
            st.setLong(3, written.size());
            st.setString(4, written.etag());
            st.setString(5, spec.owner());
            st.setString(6, spec.userMetadata());
            st.setString(7, version);
            st.setString(8, now);
            st.setString(9, now);
            st.setString(10, id);
            st.executeUpdate();
        }
    }

    private static void deleteRow(Connection c, String id) throws SQLException {
        try (PreparedStatement st = c.prepareStatement("DELETE FROM sb_storage_objects WHERE id = ?")) {
            st.setString(1, id);
            st.executeUpdate();
        }
    }

    /** The row is gone already; a file left behind is invisible and removed by the next start-up sweep. */
    private void deleteFileQuietly(String version) {
        if (version == null) {
            return;
        }
        try {
            files.deleteVersion(version);
        } catch (RuntimeException e) {
            // swept at the next start
        }
    }
}
