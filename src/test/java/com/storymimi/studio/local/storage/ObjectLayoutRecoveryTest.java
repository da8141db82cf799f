package com.storymimi.studio.local.storage;

import com.storymimi.studio.local.SandboxFixture;
import com.storymimi.studio.local.storage.StorageClient.As;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What a start finds on disk: leftovers of a crash are swept, the first release's layout is migrated. */
class ObjectLayoutRecoveryTest {

    @TempDir
    Path dataDir;

    @Test
    void aStartSweepsTempFilesAndFilesNoRowPointsTo() throws Exception {
        new SandboxFixture(dataDir).close();
        Path strayTemp = Files.writeString(dataDir.resolve("objects/.tmp/crashed.part"), "half");
        Path orphan = dataDir.resolve("objects/data/ab/ab000000-0000-4000-8000-000000000000");
        Files.createDirectories(orphan.getParent());
        Files.writeString(orphan, "renamed but never committed");

        new SandboxFixture(dataDir).close();

        assertTrue(Files.notExists(strayTemp));
        assertTrue(Files.notExists(orphan));
    }

    @Test
    void objectsStoredUnderTheirKeysByTheFirstReleaseAreMovedToVersionFiles() throws Exception {
        byte[] bytes = "legacy bytes".getBytes(StandardCharsets.UTF_8);
        try (SandboxFixture fx = new SandboxFixture(dataDir)) {
            assertEquals(200, new StorageClient(fx).upload(As.EDITOR, "story-images/old/one.png", bytes, "image/png")
                    .statusCode());
        }
        // turn the data directory back into the first release's layout: bytes at objects/<bucket>/<key>, no version
        Path legacy = dataDir.resolve("objects/story-images/old/one.png");
        Files.createDirectories(legacy.getParent());
        try (Stream<Path> files = Files.walk(dataDir.resolve("objects/data"))) {
            List<Path> committed = files.filter(Files::isRegularFile).toList();
            assertEquals(1, committed.size());
            Files.move(committed.getFirst(), legacy);
        }
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dataDir.resolve("sandbox.db"));
             Statement st = c.createStatement()) {
            st.executeUpdate("UPDATE sb_storage_objects SET version = NULL");
        }

        try (SandboxFixture fx = new SandboxFixture(dataDir)) {
            byte[] served = fx.http.sendBytes("GET", "/storage/v1/object/public/story-images/old/one.png", null).body();

            assertArrayEquals(bytes, served);
            assertTrue(Files.notExists(legacy));
            try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dataDir.resolve("sandbox.db"));
                 Statement st = c.createStatement();
                 ResultSet rs = st.executeQuery("SELECT count(*) FROM sb_storage_objects WHERE version IS NULL")) {
                assertEquals(0, rs.getInt(1));
            }
        }
    }
}
