package com.storymimi.studio.local.db;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sqlite.SQLiteJDBCLoader;
import org.sqlite.util.LibraryLoaderUtil;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * sqlite-jdbc's native library (issue #19): every start used to unpack a ~1 MB copy into /tmp that only a normal
 * exit removed. sqlite-jdbc reads its system properties once per JVM, at the first connection, and in this test
 * JVM another test class may have opened SQLite first; so the start-and-kill case runs in child JVMs with a
 * java.io.tmpdir of their own, where a leftover cannot hide among other runs' files.
 */
class DatabaseNativeLibraryTest {

    @TempDir
    Path temp;

    @Test
    void aStartKilledWithSigkillLeavesNoLibraryInTheTempDirAndTheNextStartWritesNothing() throws Exception {
        Path systemTemp = Files.createDirectory(temp.resolve("tmp"));
        Path data = temp.resolve("data");

        String firstLoaded = runAndKill(data, systemTemp);
        assertEquals(List.of(), list(systemTemp), "nothing in java.io.tmpdir after a kill -9");
        Path nativeDir = data.resolve("native");
        List<Path> copies = list(nativeDir);
        assertEquals(1, copies.size(), "one copy of the library: " + copies);
        Path copy = copies.getFirst();
        Object firstFile = Files.readAttributes(copy, BasicFileAttributes.class).fileKey();
        String secondLoaded = runAndKill(data, systemTemp);

        assertEquals(List.of(), list(systemTemp), "nor after the second");
        assertEquals(copies, list(nativeDir), "still the one copy");
        assertEquals(firstFile, Files.readAttributes(copy, BasicFileAttributes.class).fileKey(),
                "the second start loaded the same file instead of writing it again");
        if (firstLoaded != null) { // Linux: the child read the path of the library it mapped from /proc/self/maps
            assertEquals(copy.toRealPath().toString(), firstLoaded);
            assertEquals(copy.toRealPath().toString(), secondLoaded);
        }
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(nativeDir)));
    }

    @Test
    void theCopyIsTheJarsLibraryUnderANameSqliteJdbcsOwnCleanUpNeverDeletes() throws Exception {
        Path dir = temp.resolve("native");
        OwnerOnlyFiles.privateDirectory(dir);

        Path copy = SqliteNative.install(dir);

        assertNotNull(copy, "this platform's library is in the jar");
        assertArrayEquals(jarLibrary(), Files.readAllBytes(copy));
        String name = copy.getFileName().toString();
        assertTrue(name.contains(SQLiteJDBCLoader.getVersion()), name);
        // SQLiteJDBCLoader.cleanup() deletes "sqlite-<version>*" files without a .lck in org.sqlite.tmpdir
        assertFalse(name.startsWith("sqlite-"), name);
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(copy)));
    }

    @Test
    void aDamagedCopyIsReplacedAndCopiesOfOtherVersionsAreRemoved() throws Exception {
        Path dir = temp.resolve("native");
        OwnerOnlyFiles.privateDirectory(dir);
        Path copy = SqliteNative.install(dir);
        byte[] damaged = Files.readAllBytes(copy);
        damaged[damaged.length / 2] ^= 0x5a;
        Files.write(copy, damaged);
        Path older = Files.writeString(dir.resolve("storymimi-sqlitejdbc-3.0.0.0-0123456789abcdef.so"), "old");
        Path someoneElses = Files.writeString(dir.resolve("notes.txt"), "not ours");

        assertEquals(copy, SqliteNative.install(dir));

        assertArrayEquals(jarLibrary(), Files.readAllBytes(copy));
        assertFalse(Files.exists(older));
        assertTrue(Files.exists(someoneElses));
    }

    @Test
    void openingADatabaseSetsSqliteJdbcsPropertiesToAPrivateFolder() throws Exception {
        try (Database database = Database.open(temp.resolve("sandbox/sandbox.db"))) {
            database.write(c -> null);
        }
        // JVM-wide and decided by the first Database.open in this JVM, which may have been another test's folder
        String libPath = System.getProperty(SqliteNative.LIB_PATH);
        String tmpdir = System.getProperty(SqliteNative.TMPDIR);
        assertNotNull(libPath);
        assertEquals(libPath, tmpdir);
        assertFalse(Path.of(tmpdir).equals(Path.of(System.getProperty("java.io.tmpdir"))));
        assertTrue(System.getProperty(SqliteNative.LIB_NAME).startsWith("storymimi-sqlitejdbc-"));
    }

    /** Starts a JVM that opens a database in {@code data} and writes, then kills it; the library it mapped. */
    private static String runAndKill(Path data, Path systemTemp) throws Exception {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process child = new ProcessBuilder(java.toString(), "--enable-native-access=ALL-UNNAMED",
                "-Djava.io.tmpdir=" + systemTemp, "-cp", System.getProperty("java.class.path"),
                Child.class.getName(), data.toString())
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
        try {
            CompletableFuture<List<String>> ready = CompletableFuture.supplyAsync(() -> readUntilReady(child));
            List<String> lines = ready.get(60, TimeUnit.SECONDS);
            assertTrue(lines.contains("ready"), "the child opened the database: " + lines);
            return lines.stream().filter(l -> l.startsWith("mapped ")).map(l -> l.substring(7)).findFirst()
                    .orElse(null);
        } finally {
            child.destroyForcibly(); // SIGKILL: no shutdown hooks, no deleteOnExit
            child.waitFor(30, TimeUnit.SECONDS);
        }
    }

    private static List<String> readUntilReady(Process child) {
        List<String> lines = new ArrayList<>();
        try (BufferedReader out = new BufferedReader(
                new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line; (line = out.readLine()) != null; ) {
                lines.add(line);
                if (line.equals("ready")) {
                    break;
                }
            }
        } catch (IOException e) {
            lines.add("read failed: " + e);
        }
        return lines;
    }

    private static List<Path> list(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.sorted().toList();
        }
    }

    private static byte[] jarLibrary() throws IOException {
        String path = LibraryLoaderUtil.getNativeLibResourcePath() + "/" + LibraryLoaderUtil.getNativeLibName();
        try (InputStream in = SQLiteJDBCLoader.class.getResourceAsStream(path)) {
            return in.readAllBytes();
        }
    }

    /** The child JVM: opens the database, writes, reports the library it mapped, then waits to be killed. */
    public static final class Child {
        public static void main(String[] args) throws Exception {
            Database database = Database.open(Path.of(args[0]).resolve("sandbox.db"));
            database.write(c -> {
                try (Statement st = c.createStatement()) {
                    st.execute("CREATE TABLE IF NOT EXISTS runs (at TEXT)");
                    st.execute("INSERT INTO runs VALUES (datetime('now'))");
                }
                return null;
            });
            Path maps = Path.of("/proc/self/maps");
            if (Files.isReadable(maps)) {
                try (Stream<String> lines = Files.lines(maps)) {
                    lines.filter(l -> l.contains("sqlitejdbc")).map(l -> l.substring(l.indexOf('/')))
                            .findFirst().ifPresent(path -> System.out.println("mapped " + path));
                }
            }
            System.out.println("ready");
            System.out.flush();
            Thread.sleep(Long.MAX_VALUE);
        }
    }
}
