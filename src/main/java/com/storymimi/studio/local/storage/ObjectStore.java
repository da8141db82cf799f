package com.storymimi.studio.local.storage;

import com.storymimi.studio.local.db.Database;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Buckets and objects: bytes under {@code objects/<bucket>/<key>}, metadata in SQLite. An upload is written
 * to a temp file, fsynced, and renamed into place atomically inside the metadata transaction, so an object
 * is either completely there (file and row) or not visible at all.
 */
public final class ObjectStore {

    private final Path root;
    private final Database database;
    private final Clock clock;

    public ObjectStore(Path root, Database database, Clock clock) throws IOException {
        this.root = root.toAbsolutePath().normalize();
        this.database = database;
        this.clock = clock;
        Files.createDirectories(this.root.resolve(".tmp"));
    }

    /** Creates the bucket unless it exists. */
    public void ensureBucket(Bucket bucket) throws SQLException {
        String now = clock.instant().toString();
        database.write(c -> {
            try (PreparedStatement st = c.prepareStatement("INSERT OR IGNORE INTO sb_storage_buckets"
                    + " (id, public, file_size_limit, allowed_mime_types, created_at, updated_at) VALUES (?,?,?,?,?,?)")) {
                st.setString(1, bucket.id());
                st.setInt(2, bucket.isPublic() ? 1 : 0);
                st.setLong(3, bucket.fileSizeLimit());
                st.setString(4, String.join(",", bucket.allowedMimeTypes()));
                st.setString(5, now);
                st.setString(6, now);
                st.executeUpdate();
            }
            return null;
        });
    }

    public Optional<Bucket> bucket(String id) throws SQLException {
        return database.read(c -> {
            try (PreparedStatement st = c.prepareStatement(
                    "SELECT public, file_size_limit, allowed_mime_types FROM sb_storage_buckets WHERE id = ?")) {
                st.setString(1, id);
                try (ResultSet rs = st.executeQuery()) {
                    if (!rs.next()) {
                        return Optional.empty();
                    }
                    String types = rs.getString(3);
                    List<String> allowed = types == null || types.isBlank() ? List.of() : Arrays.asList(types.split(","));
                    return Optional.of(new Bucket(id, rs.getInt(1) != 0, rs.getLong(2), allowed));
                }
            }
        });
    }

    /** Stores an upload; refuses an existing key unless {@code upsert}. Returns the object's id. */
    public String put(Bucket bucket, String key, InputStream content, String contentType, String cacheControl,
                      boolean upsert, String owner) throws IOException, SQLException {
        ObjectKeys.requireValidKey(key);
        Path target = fileFor(bucket.id(), key);
        Path temp = root.resolve(".tmp").resolve(UUID.randomUUID() + ".part");
        try {
            var written = writeSynced(content, temp, bucket.fileSizeLimit());
            return database.write(c -> {
                Optional<String> existing = existingId(c, bucket.id(), key);
                if (existing.isPresent() && !upsert) {
                    throw StorageException.duplicate();
                }
                String id = existing.orElseGet(() -> UUID.randomUUID().toString());
                saveRow(c, id, bucket.id(), key, contentType, cacheControl, written, owner, existing.isPresent());
                moveIntoPlace(temp, target);
                return id;
            });
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    public Optional<StoredObject> find(String bucketId, String key) throws SQLException {
        return database.read(c -> {
            try (PreparedStatement st = c.prepareStatement("SELECT id, content_type, cache_control, size, etag,"
                    + " updated_at FROM sb_storage_objects WHERE bucket_id = ? AND name = ?")) {
                st.setString(1, bucketId);
                st.setString(2, key);
                try (ResultSet rs = st.executeQuery()) {
                    if (!rs.next()) {
                        return Optional.empty();
                    }
                    return Optional.of(new StoredObject(rs.getString(1), bucketId, key, rs.getString(2),
                            rs.getString(3), rs.getLong(4), rs.getString(5), Instant.parse(rs.getString(6)),
                            fileFor(bucketId, key)));
                }
            }
        });
    }

    private record Written(long size, String etag) {
    }

    private static Written writeSynced(InputStream content, Path temp, long limit) throws IOException {
        MessageDigest md5 = md5();
        long size;
        try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
             OutputStream out = new DigestOutputStream(Channels.newOutputStream(channel), md5)) {
            size = copyWithLimit(content, out, limit);
            out.flush();
            channel.force(true);
        }
        return new Written(size, "\"" + HexFormat.of().formatHex(md5.digest()) + "\"");
    }

    private static long copyWithLimit(InputStream in, OutputStream out, long limit) throws IOException {
        byte[] buffer = new byte[64 * 1024];
        long total = 0;
        int n;
        while ((n = in.read(buffer)) >= 0) {
            total += n;
            if (limit > 0 && total > limit) {
                throw StorageException.tooLarge();
            }
            out.write(buffer, 0, n);
        }
        return total;
    }

    private void saveRow(Connection c, String id, String bucketId, String key, String contentType,
                         String cacheControl, Written written, String owner, boolean exists) throws SQLException {
        String now = clock.instant().toString();
        String sql = exists
                ? "UPDATE sb_storage_objects SET content_type = ?, cache_control = ?, size = ?, etag = ?, owner = ?,"
                  + " updated_at = ? WHERE id = ?"
                : "INSERT INTO sb_storage_objects (content_type, cache_control, size, etag, owner, updated_at, id,"
                  + " bucket_id, name, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
        try (PreparedStatement st = c.prepareStatement(sql)) {
            st.setString(1, contentType);
            st.setString(2, cacheControl);
            st.setLong(3, written.size());
            st.setString(4, written.etag());
            st.setString(5, owner);
            st.setString(6, now);
            st.setString(7, id);
            if (!exists) {
                st.setString(8, bucketId);
                st.setString(9, key);
                st.setString(10, now);
            }
            st.executeUpdate();
        }
    }

    private static Optional<String> existingId(Connection c, String bucketId, String key) throws SQLException {
        try (PreparedStatement st = c.prepareStatement(
                "SELECT id FROM sb_storage_objects WHERE bucket_id = ? AND name = ?")) {
            st.setString(1, bucketId);
            st.setString(2, key);
            try (ResultSet rs = st.executeQuery()) {
                return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
            }
        }
    }

    private static void moveIntoPlace(Path temp, Path target) {
        try {
            Files.createDirectories(target.getParent());
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The file of a (validated) key; refuses anything that would resolve outside the bucket directory. */
    private Path fileFor(String bucketId, String key) {
        Path bucketDir = root.resolve(ObjectKeys.requireValidBucket(bucketId)).normalize();
        Path file = bucketDir.resolve(key).normalize();
        if (!file.startsWith(bucketDir) || file.equals(bucketDir)) {
            throw StorageException.invalidKey(key);
        }
        return file;
    }

    private static MessageDigest md5() {
        try {
            return MessageDigest.getInstance("MD5");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("MD5 is part of every JDK", e);
        }
    }
}
