package com.storymimi.studio.local.db;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The sandbox's SQLite database: WAL mode, foreign keys on, a small pool of configured connections, and
 * one transaction per unit of work (BEGIN IMMEDIATE for writes, so two writers never deadlock on upgrade).
 *
 * <p>The database holds password and refresh-token hashes: its folder is 0700 and the file, its {@code -wal}
 * and {@code -shm} are 0600 (see {@link #open}). SQLite's native library lives in {@code native/} beside it
 * ({@link SqliteNative}).
 */
public final class Database implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Database.class);
    private static final int POOL_SIZE = 4;

    private final ReentrantLock writers = new ReentrantLock(true);
    private final BlockingQueue<Connection> idle;
    private final List<Connection> all = new ArrayList<>();

    private Database(Path file) throws SQLException {
        idle = new ArrayBlockingQueue<>(POOL_SIZE);
        for (int i = 0; i < POOL_SIZE; i++) {
            Connection connection = DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath());
            configure(connection, i == 0);
            all.add(connection);
            idle.add(connection);
        }
    }

    /**
     * Opens (creating if needed) the database file and installs the schemas idempotently. The folder holding
     * it becomes private (0700, also the folders created on the way) and the file is created 0600 before SQLite
     * sees it; SQLite gives the {@code -wal} and {@code -shm} it creates the main file's permissions. Files of
     * an older install (0644) are tightened here, before the first connection.
     */
    public static Database open(Path file) throws IOException {
        Path dir = file.toAbsolutePath().getParent();
        OwnerOnlyFiles.privateDirectory(dir);
        SqliteNative.prepare(dir.resolve("native"));
        OwnerOnlyFiles.privateFile(file);
        for (Path companion : companions(file)) {
            OwnerOnlyFiles.tighten(companion);
        }
        try {
            Database database = new Database(file);
            database.write(connection -> {
                runScript(connection, "/local/schema.sql");
                SchemaUpgrades.upgrade(connection);
                runScript(connection, "/local/internal-schema.sql");
                return null;
            });
            return database;
        } catch (SQLException e) {
            throw new IOException("Cannot open the sandbox database " + file, e);
        }
    }

    /** The files SQLite keeps beside {@code file} in WAL mode. */
    static List<Path> companions(Path file) {
        String name = file.getFileName().toString();
        return List.of(file.resolveSibling(name + "-wal"), file.resolveSibling(name + "-shm"));
    }

    public <T> T read(SqlWork<T> work) throws SQLException {
        return inTransaction("BEGIN", work);
    }

    public <T> T write(SqlWork<T> work) throws SQLException {
        // One writer at a time, in arrival order, before a connection is taken. SQLite's own busy handler polls
        // with back-off, so under load one writer could lose past busy_timeout and an upload was answered 500
        // (seen in CI with many parallel uploads); readers are unaffected (WAL).
        writers.lock();
        try {
            return inTransaction("BEGIN IMMEDIATE", work);
        } finally {
            writers.unlock();
        }
    }

    public Catalog loadCatalog() throws SQLException {
        return read(Catalog::load);
    }

    private <T> T inTransaction(String begin, SqlWork<T> work) throws SQLException {
        Connection connection = borrow();
        try {
            execute(connection, begin);
            try {
                T result = work.run(connection);
                execute(connection, "COMMIT");
                return result;
            } catch (SQLException | RuntimeException | Error e) {
                rollbackQuietly(connection, e);
                throw e;
            }
        } finally {
            idle.add(connection);
        }
    }

    private Connection borrow() throws SQLException {
        try {
            return idle.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SQLException("Interrupted while waiting for a database connection", e);
        }
    }

    private static void rollbackQuietly(Connection connection, Throwable cause) {
        try {
            execute(connection, "ROLLBACK");
        } catch (SQLException e) {
            cause.addSuppressed(e);
        }
    }

    private static void configure(Connection connection, boolean first) throws SQLException {
        if (first) {
            execute(connection, "PRAGMA journal_mode=WAL");
        }
        execute(connection, "PRAGMA foreign_keys=ON");
        execute(connection, "PRAGMA busy_timeout=5000");
        execute(connection, "PRAGMA synchronous=NORMAL");
        // ILIKE's prefilter (rest.LikeSql) relies on SQLite's LIKE folding ASCII case: the default, made explicit
        execute(connection, "PRAGMA case_sensitive_like=OFF");
        PgLikeFunction.register(connection);
    }

    private static void execute(Connection connection, String sql) throws SQLException {
        try (Statement st = connection.createStatement()) {
            st.execute(sql);
        }
    }

    private static void runScript(Connection connection, String resource) throws SQLException {
        String script;
        try (InputStream in = Database.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new SQLException("Missing schema resource " + resource);
            }
            script = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new SQLException("Cannot read " + resource, e);
        }
        for (String statement : script.split("(?m)^;\\s*$")) {
            String sql = statement.lines().filter(l -> !l.strip().startsWith("--")).reduce("", (a, b) -> a + b + "\n");
            if (!sql.isBlank()) {
                execute(connection, sql);
            }
        }
    }

    @Override
    public void close() {
        for (Connection connection : all) {
            try {
                connection.close();
            } catch (SQLException e) {
                LOG.warn("Closing a sandbox database connection failed", e);
            }
        }
    }
}
