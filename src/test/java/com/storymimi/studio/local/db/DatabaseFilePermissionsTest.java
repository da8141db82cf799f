package com.storymimi.studio.local.db;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.SQLException;
import java.sql.Statement;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The database holds password and refresh-token hashes (issue #19): owner-only, whatever the umask. With the
 * usual umask 022 SQLite alone creates all three files 0644 and Files.createDirectories makes folders 0755.
 */
class DatabaseFilePermissionsTest {

    @TempDir
    Path temp;

    @BeforeEach
    void posixOnly() throws IOException {
        assumeTrue(Files.getFileStore(temp).supportsFileAttributeView("posix"), "POSIX permissions only");
    }

    @Test
    void aNewDatabaseItsWalAndShmAreOwnerOnlyInPrivateFolders() throws Exception {
        Path dir = temp.resolve("data/sandbox");
        Path file = dir.resolve("sandbox.db");

        try (Database database = Database.open(file)) {
            insertARow(database);

            // while open, in WAL mode: all three files exist
            assertEquals("rw-------", permissions(file));
            assertEquals("rw-------", permissions(dir.resolve("sandbox.db-wal")));
            assertEquals("rw-------", permissions(dir.resolve("sandbox.db-shm")));
            assertEquals("rwx------", permissions(dir));
            assertEquals("rwx------", permissions(temp.resolve("data")), "a folder created on the way");
        }
    }

    @Test
    void anOlderInstallsWorldReadableFilesAreTightenedAtOpen() throws Exception {
        Path dir = temp.resolve("sandbox");
        Path file = dir.resolve("sandbox.db");
        try (Database database = Database.open(file)) {
            insertARow(database);
        }
        // as an earlier release left them: the folder 0755, the files 0644, -wal and -shm left by a kill
        Path wal = dir.resolve("sandbox.db-wal");
        Path shm = dir.resolve("sandbox.db-shm");
        Files.deleteIfExists(wal);
        Files.deleteIfExists(shm);
        Files.createFile(wal);
        Files.createFile(shm);
        for (Path p : new Path[] {file, wal, shm}) {
            Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rw-r--r--"));
        }
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));

        try (Database database = Database.open(file)) {
            insertARow(database);

            assertEquals("rw-------", permissions(file));
            assertEquals("rw-------", permissions(wal));
            assertEquals("rw-------", permissions(shm));
            assertEquals("rwx------", permissions(dir));
            int rows = database.read(c -> {
                try (Statement st = c.createStatement()) {
                    return st.executeQuery("SELECT count(*) FROM kept").getInt(1);
                }
            });
            assertEquals(2, rows, "the data of the earlier run is still there");
        }
    }

    @Test
    void aFolderThatExistedAboveTheDatabasesFolderIsLeftAlone() throws Exception {
        Path shared = temp.resolve("shared");
        Files.createDirectory(shared);
        Files.setPosixFilePermissions(shared, PosixFilePermissions.fromString("rwxr-xr-x"));

        try (Database database = Database.open(shared.resolve("sandbox/sandbox.db"))) {
            insertARow(database);
        }

        assertEquals("rwxr-xr-x", permissions(shared));
        assertEquals("rwx------", permissions(shared.resolve("sandbox")));
        assertTrue(Files.isRegularFile(shared.resolve("sandbox/sandbox.db")));
    }

    private static void insertARow(Database database) throws SQLException {
        database.write(c -> {
            try (Statement st = c.createStatement()) {
                st.execute("CREATE TABLE IF NOT EXISTS kept (v TEXT)");
                st.execute("INSERT INTO kept VALUES ('a secret hash')");
            }
            return null;
        });
    }

    private static String permissions(Path path) throws IOException {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(path));
    }
}
