package com.storymimi.studio.local.storage;

import com.storymimi.studio.local.db.Database;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The first sandbox release kept bytes at {@code objects/<bucket>/<key>}. Rows without a version still point
 * there; this moves each such file to its version's place once, so older data directories keep their media.
 */
final class LegacyObjectLayout {

    private record Legacy(String id, String bucketId, String name) {
    }

    private LegacyObjectLayout() {
    }

    static void migrate(Database database, ObjectFiles files) throws SQLException, IOException {
        List<Legacy> legacy = database.read(c -> {
            List<Legacy> rows = new ArrayList<>();
            try (PreparedStatement st = c.prepareStatement(
                    "SELECT id, bucket_id, name FROM sb_storage_objects WHERE version IS NULL");
                 ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    rows.add(new Legacy(rs.getString(1), rs.getString(2), rs.getString(3)));
                }
            }
            return rows;
        });
        for (Legacy row : legacy) {
            String version = UUID.randomUUID().toString();
            Path old = files.root().resolve(row.bucketId()).resolve(row.name()).normalize();
            if (old.startsWith(files.root()) && Files.isRegularFile(old)) {
                Path target = files.fileOf(version);
                Files.createDirectories(target.getParent());
                Files.move(old, target, StandardCopyOption.ATOMIC_MOVE);
            }
            database.write(c -> {
                try (PreparedStatement st = c.prepareStatement("UPDATE sb_storage_objects SET version = ? WHERE id = ?")) {
                    st.setString(1, version);
                    st.setString(2, row.id());
                    st.executeUpdate();
                }
                return null;
            });
        }
    }
}
