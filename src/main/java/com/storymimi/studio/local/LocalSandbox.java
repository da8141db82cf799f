package com.storymimi.studio.local;

import com.google.gson.JsonObject;
import com.storymimi.studio.local.auth.ApiKeyGate;
import com.storymimi.studio.local.auth.AuthRoutes;
import com.storymimi.studio.local.auth.AuthStore;
import com.storymimi.studio.local.auth.JwtCodec;
import com.storymimi.studio.local.auth.Role;
import com.storymimi.studio.local.db.Catalog;
import com.storymimi.studio.local.db.Database;
import com.storymimi.studio.local.db.OwnerOnlyFiles;
import com.storymimi.studio.local.demo.DemoData;
import com.storymimi.studio.local.http.Router;
import com.storymimi.studio.local.http.ServerLimits;
import com.storymimi.studio.local.rest.RestRoutes;
import com.storymimi.studio.local.storage.Bucket;
import com.storymimi.studio.local.storage.ObjectStore;
import com.storymimi.studio.local.storage.StorageRoutes;
import com.sun.net.httpserver.HttpServer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The embedded Supabase-compatible server: REST, Auth and Storage on 127.0.0.1 over SQLite and files in
 * {@code dataDir}. Start it, hand {@link #baseUrl()} and a key to a Supabase client, close it when done.
 */
public final class LocalSandbox implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(LocalSandbox.class);
    private static final Duration KEY_LIFETIME = Duration.ofDays(3650);
    // The same limits as supabase/migrations (10 MiB and 50 MiB), so a file the sandbox takes a project takes too.
    static final List<Bucket> BUCKETS = List.of(
            new Bucket("story-images", true, 10L * 1024 * 1024, List.of("image/png", "image/jpeg")),
            new Bucket("story-audio", true, 50L * 1024 * 1024, List.of("audio/mpeg", "audio/wav")));

    static {
        ServerLimits.apply();
    }

    private final HttpServer server;
    private final ExecutorService executor;
    private final Database database;
    private final URI baseUrl;
    private final String anonKey;
    private final String serviceRoleKey;
    private final Workspace workspace;
    private final long maxObjectBytes;
    private final AtomicBoolean closed = new AtomicBoolean();

    private LocalSandbox(HttpServer server, ExecutorService executor, Database database, Workspace workspace,
                         String anonKey, String serviceRoleKey, long maxObjectBytes) {
        this.server = server;
        this.maxObjectBytes = maxObjectBytes;
        this.executor = executor;
        this.database = database;
        this.workspace = workspace;
        this.anonKey = anonKey;
        this.serviceRoleKey = serviceRoleKey;
        this.baseUrl = URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    /**
     * Creates the data directory, workspace, schema and (first run) demo data, then starts serving. The data
     * directory holds keys, password hashes and the objects: it is made private (0700, like the folders the
     * sandbox creates above it).
     */
    public static LocalSandbox start(SandboxOptions options) throws IOException {
        Path dataDir = options.dataDir();
        OwnerOnlyFiles.privateDirectory(dataDir);
        Workspace workspace = Workspace.loadOrCreate(dataDir);
        Database database = Database.open(dataDir.resolve("sandbox.db"));
        try {
            return start(options, workspace, database);
        } catch (IOException | RuntimeException e) {
            database.close();
            throw e;
        }
    }

    private static LocalSandbox start(SandboxOptions options, Workspace workspace, Database database)
            throws IOException {
        Clock clock = Clock.systemUTC();
        JwtCodec jwt = new JwtCodec(workspace.jwtSecret(), clock);
        HttpServer server = bind(options.port() != 0 ? options.port() : workspace.lastPort(), options.port() == 0);
        String baseUrl = "http://127.0.0.1:" + server.getAddress().getPort();
        try {
            Catalog catalog = database.loadCatalog();
            AuthStore auth = new AuthStore(database, clock);
            auth.ensureUser(workspace.editorEmail(), workspace.editorPassword());
            ObjectStore objects = new ObjectStore(options.dataDir().resolve("objects"), database, clock,
                    options.maxObjectBytes());
            for (Bucket bucket : BUCKETS) {
                objects.ensureBucket(bucket);
            }
            if (options.seedDemoData()) {
                DemoData.seedOnce(database, objects, baseUrl);
            }
            ApiKeyGate gate = new ApiKeyGate(jwt);
            server.createContext("/", new Router()
                    .mount("/rest/v1", new RestRoutes(catalog, database, gate, jwt))
                    .mount("/auth/v1", new AuthRoutes(gate, jwt, auth, () -> baseUrl + "/auth/v1"))
                    .mount("/storage/v1", new StorageRoutes(gate, jwt, objects)));
        } catch (SQLException e) {
            server.stop(0);
            throw new IOException("The sandbox database could not be prepared", e);
        }
        ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
        server.setExecutor(executor);
        server.start();
        Workspace remembered = workspace.withPort(server.getAddress().getPort());
        if (remembered.lastPort() != workspace.lastPort()) {
            remembered.save(options.dataDir());
        }
        LocalSandbox sandbox = new LocalSandbox(server, executor, database, remembered,
                projectKey(jwt, Role.ANON, workspace.createdAt()), projectKey(jwt, Role.SERVICE_ROLE, workspace.createdAt()),
                options.maxObjectBytes());
        LOG.info("Local sandbox serving {} from {}", sandbox.baseUrl, options.dataDir());
        return sandbox;
    }

    /** Binds 127.0.0.1 on the wanted port; a remembered port that is taken falls back to any free port. */
    private static HttpServer bind(int port, boolean fallBack) throws IOException {
        InetAddress loopback = InetAddress.getLoopbackAddress();
        try {
            return HttpServer.create(new InetSocketAddress(loopback, port), 64);
        } catch (BindException e) {
            if (!fallBack || port == 0) {
                throw e;
            }
            LOG.info("Port {} is taken; the sandbox takes another one (stored media URLs keep the old port)", port);
            return HttpServer.create(new InetSocketAddress(loopback, 0), 64);
        }
    }

    /** A long-lived project API key (like Supabase's anon/service_role keys): stable for a workspace. */
    private static String projectKey(JwtCodec jwt, Role role, long issuedAt) {
        JsonObject claims = new JsonObject();
        claims.addProperty("iss", "storymimi-sandbox");
        claims.addProperty("role", role.claim());
        claims.addProperty("iat", issuedAt);
        claims.addProperty("exp", issuedAt + KEY_LIFETIME.toSeconds());
        return jwt.sign(claims);
    }

    /** e.g. {@code http://127.0.0.1:40123}, without a trailing slash. */
    public URI baseUrl() {
        return baseUrl;
    }

    /** The anon project key (JWT, role anon). */
    public String anonKey() {
        return anonKey;
    }

    /** The service_role project key (JWT, role service_role): bypasses row-level security. */
    public String serviceRoleKey() {
        return serviceRoleKey;
    }

    /** The global object size limit this sandbox enforces (and announces as {@code Tus-Max-Size}). */
    public long maxObjectBytes() {
        return maxObjectBytes;
    }

    public String editorEmail() {
        return workspace.editorEmail();
    }

    public String editorPassword() {
        return workspace.editorPassword();
    }

    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        server.stop(0);
        executor.shutdown();
        database.close();
        LOG.info("Local sandbox at {} stopped", baseUrl);
    }

    @Override
    public String toString() {
        return "LocalSandbox[" + baseUrl + "]";
    }
}
