package com.storymimi.studio.local.storage;

import com.storymimi.studio.local.db.Database;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Resumable uploads in progress: a row in {@code sb_storage_uploads} and a partial file in
 * {@code objects/uploads/}. Only the first {@code upload_offset} bytes of the file count: a chunk is fsynced
 * before the offset moves past it, and a chunk cut off mid-way is truncated away, so after a crash or
 * restart the upload resumes exactly at the recorded offset.
 */
final class TusUploads {

    private static final String COLUMNS = "id, bucket_id, name, upload_length, upload_offset, content_type,"
            + " cache_control, user_metadata, upsert, owner, expires_at";
    private static final int BUFFER = 64 * 1024;

    private final Database database;
    private final Path directory;

    TusUploads(ObjectStore store) throws IOException {
        this.database = store.database();
        this.directory = store.files().uploads();
        try {
            recover(store.clock().instant());
        } catch (SQLException e) {
            throw new IOException("Resumable uploads could not be recovered", e);
        }
    }

    /** Named by a digest of the id: ids are long (they encode the key) and come from URLs. */
    Path partialFile(String id) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(id.getBytes(StandardCharsets.UTF_8));
            return directory.resolve(HexFormat.of().formatHex(digest) + ".part");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    void create(TusUpload upload) throws IOException, SQLException {
        Files.deleteIfExists(partialFile(upload.id()));
        Files.createFile(partialFile(upload.id()));
        database.write(c -> {
            try (PreparedStatement st = c.prepareStatement("INSERT INTO sb_storage_uploads (" + COLUMNS
                    + ") VALUES (?,?,?,?,?,?,?,?,?,?,?)")) {
                st.setString(1, upload.id());
                st.setString(2, upload.bucketId());
                st.setString(3, upload.name());
                st.setLong(4, upload.length());
                st.setLong(5, upload.offset());
                st.setString(6, upload.spec().contentType());
                st.setString(7, upload.spec().cacheControl());
                st.setString(8, upload.spec().userMetadata());
                st.setInt(9, upload.spec().upsert() ? 1 : 0);
                st.setString(10, upload.spec().owner());
                st.setString(11, upload.expiresAt().toString());
                st.executeUpdate();
            }
            return null;
        });
    }

    Optional<TusUpload> find(String id) throws SQLException {
        return database.read(c -> {
            try (PreparedStatement st = c.prepareStatement("SELECT " + COLUMNS + " FROM sb_storage_uploads WHERE id = ?")) {
                st.setString(1, id);
                List<TusUpload> rows = rows(st);
                return rows.isEmpty() ? Optional.empty() : Optional.of(rows.getFirst());
            }
        });
    }

    /**
     * Appends {@code body} at the upload's offset, refusing more than {@code maxBytes}, and returns how many
     * bytes arrived. The bytes are synced but not yet counted: {@link #advance} records them.
     */
    long append(TusUpload upload, InputStream body, long maxBytes) throws IOException {
        Path file = partialFile(upload.id());
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
            channel.truncate(upload.offset());
            channel.position(upload.offset());
            byte[] buffer = new byte[BUFFER];
            long received = 0;
            int n;
            while ((n = body.read(buffer)) >= 0) {
                received += n;
                if (received > maxBytes) {
                    throw new TusException(413, "Maximum size exceeded");
                }
                ByteBuffer chunk = ByteBuffer.wrap(buffer, 0, n);
                while (chunk.hasRemaining()) {
                    channel.write(chunk);
                }
            }
            channel.force(true);
            return received;
        } catch (IOException | RuntimeException e) {
            truncate(file, upload.offset());
            throw e;
        }
    }

    /** Drops bytes past the recorded offset (a refused or interrupted chunk). */
    void truncate(Path file, long offset) {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
            channel.truncate(offset);
        } catch (IOException e) {
            // the next append truncates again before it writes
        }
    }

    void advance(String id, long offset) throws SQLException {
        database.write(c -> {
            try (PreparedStatement st = c.prepareStatement("UPDATE sb_storage_uploads SET upload_offset = ? WHERE id = ?")) {
                st.setLong(1, offset);
                st.setString(2, id);
                st.executeUpdate();
            }
            return null;
        });
    }

    void delete(String id) throws IOException, SQLException {
        database.write(c -> {
            try (PreparedStatement st = c.prepareStatement("DELETE FROM sb_storage_uploads WHERE id = ?")) {
                st.setString(1, id);
                st.executeUpdate();
            }
            return null;
        });
        Files.deleteIfExists(partialFile(id));
    }

    /** Start-up: forget expired uploads, cut partial files back to their offsets, delete stray files. */
    private void recover(Instant now) throws SQLException, IOException {
        List<TusUpload> all = database.read(c -> {
            try (PreparedStatement st = c.prepareStatement("SELECT " + COLUMNS + " FROM sb_storage_uploads")) {
                return rows(st);
            }
        });
        Set<String> kept = new HashSet<>();
        for (TusUpload upload : all) {
            Path file = partialFile(upload.id());
            if (upload.expiresAt().isBefore(now) || !Files.isRegularFile(file) || Files.size(file) < upload.offset()) {
                delete(upload.id());
            } else {
                truncate(file, upload.offset());
                kept.add(file.getFileName().toString());
            }
        }
        try (Stream<Path> files = Files.list(directory)) {
            for (Path file : files.toList()) {
                if (!kept.contains(file.getFileName().toString())) {
                    Files.deleteIfExists(file);
                }
            }
        }
    }

    private static List<TusUpload> rows(PreparedStatement st) throws SQLException {
        List<TusUpload> rows = new ArrayList<>();
        try (ResultSet rs = st.executeQuery()) {
            while (rs.next()) {
                UploadSpec spec = new UploadSpec(rs.getString("content_type"), rs.getString("cache_control"),
                        rs.getString("user_metadata"), rs.getInt("upsert") != 0, rs.getString("owner"));
                rows.add(new TusUpload(rs.getString("id"), rs.getString("bucket_id"), rs.getString("name"),
                        rs.getLong("upload_length"), rs.getLong("upload_offset"), spec,
                        Instant.parse(rs.getString("expires_at"))));
            }
        }
        return rows;
    }
}
