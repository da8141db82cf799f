package com.storymimi.studio.local.db;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sqlite.SQLiteJDBCLoader;
import org.sqlite.util.LibraryLoaderUtil;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * Where sqlite-jdbc's native library comes from. The one place that sets sqlite-jdbc's system properties.
 *
 * <p>Left alone, sqlite-jdbc copies its ~1 MB library out of the jar on every start, to
 * {@code java.io.tmpdir/sqlite-<version>-<uuid>-libsqlitejdbc.so} plus a {@code .lck} beside it, and deletes
 * both on a normal exit only. After a kill -9 both stay, and its start-up clean-up never removes them either: it
 * skips every copy whose {@code .lck} still exists, which is exactly what a kill leaves. So pointing
 * {@code org.sqlite.tmpdir} at a private folder alone would only move the pile.
 *
 * <p>Chosen instead: the library is copied once to a private 0700 folder ({@code native/} beside the sandbox
 * database) under a name that holds the sqlite-jdbc version and the start of the library's SHA-256, and
 * {@code org.sqlite.lib.path}/{@code org.sqlite.lib.name} point at it. sqlite-jdbc tries that path first and
 * then creates nothing; a later start finds the copy (same size and checksum) and writes nothing either, an
 * update of sqlite-jdbc writes its own copy and the old one is removed. The copy is written to a temp file and
 * moved into place, so a second process on the same data directory never loads half a file.
 * {@code org.sqlite.tmpdir} is pointed at the same folder as a fallback: if loading the copy ever fails,
 * sqlite-jdbc's own extraction lands there, not in the shared {@code /tmp}.
 *
 * <p>The installed app (jlink runtime) takes the library out of the jar and sets {@code org.sqlite.lib.path} to
 * the runtime's {@code lib/} in its launcher (installer/build.sh): a path set from outside is kept, and a jar
 * without the library resource leaves loading to sqlite-jdbc. The properties are JVM-wide and sqlite-jdbc reads
 * them once, at the first connection: the first {@link #prepare} call decides, later calls do nothing.
 */
public final class SqliteNative {

    static final String LIB_PATH = "org.sqlite.lib.path";
    static final String LIB_NAME = "org.sqlite.lib.name";
    static final String TMPDIR = "org.sqlite.tmpdir";
    private static final String PREFIX = "storymimi-sqlitejdbc-";
    private static final String PARTIAL = ".partial-";
    private static final Duration STALE_PARTIAL = Duration.ofMinutes(10);
    private static final Logger LOG = LoggerFactory.getLogger(SqliteNative.class);

    private static boolean prepared;

    private SqliteNative() {
    }

    /**
     * Before the first SQLite connection of this JVM: makes {@code privateDir} (0700) the home of the native
     * library and sets sqlite-jdbc's properties that are not set yet. Only the first call in a JVM acts.
     */
    public static synchronized void prepare(Path privateDir) throws IOException {
        if (prepared) {
            return;
        }
        OwnerOnlyFiles.privateDirectory(privateDir);
        String dir = privateDir.toAbsolutePath().toString();
        if (System.getProperty(TMPDIR) == null) {
            System.setProperty(TMPDIR, dir);
        }
        if (System.getProperty(LIB_PATH) == null && System.getProperty(LIB_NAME) == null) {
            try {
                Path library = install(privateDir);
                if (library != null) {
                    System.setProperty(LIB_PATH, dir);
                    System.setProperty(LIB_NAME, library.getFileName().toString());
                }
            } catch (IOException e) {
                // e.g. a full disk: sqlite-jdbc then unpacks its own copy, into the private tmpdir set above
                LOG.warn("Could not copy SQLite's native library to {}; sqlite-jdbc unpacks it there itself", dir, e);
            }
        }
        prepared = true;
    }

    /**
     * The library copied from the jar into {@code privateDir} (reused when an identical copy is there), or null
     * when the jar does not carry a library for this platform (then sqlite-jdbc looks on its own).
     */
    static Path install(Path privateDir) throws IOException {
        byte[] library = resource();
        if (library == null) {
            return null;
        }
        Path target = privateDir.resolve(fileName(library));
        if (!isCopyOf(target, library)) {
            write(privateDir, target, library);
        }
        removeOthers(privateDir, target);
        return target;
    }

    /** The library in the jar, as sqlite-jdbc itself would find it; null if the jar has none for this OS. */
    private static byte[] resource() throws IOException {
        String path = LibraryLoaderUtil.getNativeLibResourcePath() + "/" + LibraryLoaderUtil.getNativeLibName();
        try (InputStream in = SQLiteJDBCLoader.class.getResourceAsStream(path)) {
            return in == null ? null : in.readAllBytes();
        }
    }

    /**
     * e.g. {@code storymimi-sqlitejdbc-3.53.4.0-1a2b3c4d5e6f7a8b.so}. Never starts with {@code sqlite-<version>}:
     * sqlite-jdbc's clean-up deletes such files in its tmpdir, which is the same folder.
     */
    static String fileName(byte[] library) {
        String name = LibraryLoaderUtil.getNativeLibName();
        int dot = name.lastIndexOf('.');
        String extension = dot < 0 ? "" : name.substring(dot);
        return PREFIX + SQLiteJDBCLoader.getVersion() + "-" + HexFormat.of().formatHex(sha256(library), 0, 8)
                + extension;
    }

    private static boolean isCopyOf(Path file, byte[] library) throws IOException {
        if (!Files.isRegularFile(file) || Files.size(file) != library.length) {
            return false;
        }
        return Arrays.equals(sha256(Files.readAllBytes(file)), sha256(library));
    }

    private static void write(Path dir, Path target, byte[] library) throws IOException {
        Path partial = Files.createTempFile(dir, PARTIAL, ".tmp",
                OwnerOnlyFiles.attributes(dir, OwnerOnlyFiles.executable()));
        try {
            Files.write(partial, library);
            try {
                Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(partial);
        }
    }

    /** Copies of earlier sqlite-jdbc versions, and temp files of a copy that was killed halfway. */
    private static void removeOthers(Path dir, Path keep) {
        Instant stale = Instant.now().minus(STALE_PARTIAL);
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, PREFIX + "*")) {
            for (Path file : files) {
                if (!file.equals(keep)) {
                    deleteQuietly(file);
                }
            }
        } catch (IOException e) {
            LOG.debug("Listing {} for old SQLite libraries failed", dir, e);
        }
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, PARTIAL + "*")) {
            for (Path file : files) {
                // a fresh one may belong to a second process copying right now
                if (Files.getLastModifiedTime(file).toInstant().isBefore(stale)) {
                    deleteQuietly(file);
                }
            }
        } catch (IOException e) {
            LOG.debug("Listing {} for partial copies failed", dir, e);
        }
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            // in use by another process (Windows keeps a loaded DLL): the next start tries again
            LOG.debug("Could not remove {}", file, e);
        }
    }

    private static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
