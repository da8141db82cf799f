package com.storymimi.studio.local;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** Issue #19: the sandbox's data directory (keys, password hashes, objects) is its owner's only. */
class LocalSandboxFilePermissionsTest {

    @TempDir
    Path temp;

    @BeforeEach
    void posixOnly() throws IOException {
        assumeTrue(Files.getFileStore(temp).supportsFileAttributeView("posix"), "POSIX permissions only");
    }

    @Test
    void aNewDataDirectoryAndTheFoldersCreatedAboveItAreOwnerOnly() throws Exception {
        Path dataDir = temp.resolve("storymimi-studio/sandbox");

        try (SandboxFixture fx = new SandboxFixture(dataDir)) {
            HttpResponse<byte[]> upload = fx.http.sendBytes("POST", "/storage/v1/object/story-images/a/b.png",
                    "png".getBytes(StandardCharsets.UTF_8),
                    "apikey", fx.sandbox.serviceRoleKey(), "Authorization", "Bearer " + fx.sandbox.serviceRoleKey(),
                    "Content-Type", "image/png");
            assertEquals(200, upload.statusCode(), new String(upload.body(), StandardCharsets.UTF_8));

            assertEquals("rwx------", permissions(temp.resolve("storymimi-studio")));
            assertEquals("rwx------", permissions(dataDir));
            assertEquals("rw-------", permissions(dataDir.resolve("workspace.json")));
            assertEquals("rw-------", permissions(dataDir.resolve("sandbox.db")));
            assertEquals("rw-------", permissions(dataDir.resolve("sandbox.db-wal")));
            assertEquals("rw-------", permissions(dataDir.resolve("sandbox.db-shm")));
            // the objects are reachable only through the 0700 data directory
            assertEquals(List.of("png"), objectContents(dataDir));
        }
    }

    @Test
    void theDataDirectoryOfAnOlderInstallIsTightenedAtStart() throws Exception {
        Path dataDir = temp.resolve("sandbox");
        new SandboxFixture(dataDir).close();
        Files.setPosixFilePermissions(dataDir, PosixFilePermissions.fromString("rwxr-xr-x"));
        Files.setPosixFilePermissions(dataDir.resolve("sandbox.db"), PosixFilePermissions.fromString("rw-r--r--"));

        try (SandboxFixture fx = new SandboxFixture(dataDir)) {
            assertEquals("rwx------", permissions(dataDir));
            assertEquals("rw-------", permissions(dataDir.resolve("sandbox.db")));
        }
    }

    private static List<String> objectContents(Path dataDir) throws IOException {
        try (Stream<Path> files = Files.walk(dataDir.resolve("objects"))) {
            return files.filter(Files::isRegularFile).map(LocalSandboxFilePermissionsTest::content).toList();
        }
    }

    private static String content(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String permissions(Path path) throws IOException {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(path));
    }
}
