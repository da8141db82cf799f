package com.storymimi.studio.supabase;

import com.storymimi.studio.supabase.auth.AuthClient;
import com.storymimi.studio.supabase.auth.InMemorySessionStore;
import com.storymimi.studio.supabase.auth.SessionKeeper;
import com.storymimi.studio.supabase.auth.SessionStore;
import com.storymimi.studio.supabase.http.ApiRequest;
import com.storymimi.studio.supabase.http.ApiResponse;
import com.storymimi.studio.supabase.http.HttpPipeline;
import com.storymimi.studio.supabase.http.JsonCodec;
import com.storymimi.studio.supabase.http.RetryPolicy;
import com.storymimi.studio.supabase.rest.PostgrestClient;
import com.storymimi.studio.supabase.storage.StorageClient;

import java.net.http.HttpClient;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * The entry point: one project, one HTTP pipeline, one JSON codec, one session. Thread-safe; create one per
 * connection profile and close it when the profile is left.
 * <pre>{@code
 * try (SupabaseClient supabase = SupabaseClient.create(config)) {
 *     supabase.rest().from("users").select("user_id,username").limit(1).list(User.class);
 * }
 * }</pre>
 */
public final class SupabaseClient implements AutoCloseable {

    private static final Duration MAX_CONNECT_TIMEOUT = Duration.ofSeconds(10);

    private final SupabaseConfig config;
    private final HttpClient httpClient;
    private final boolean ownsHttpClient;
    private final JsonCodec codec;
    private final HttpPipeline pipeline;
    private final PostgrestClient rest;
    private final AuthClient auth;
    private final StorageClient storage;

    private SupabaseClient(SupabaseConfig config, HttpClient httpClient, boolean ownsHttpClient,
                           SessionStore sessions, RetryPolicy retryPolicy, Clock clock, Path uploadStateDir) {
        this.config = config;
        this.httpClient = httpClient;
        this.ownsHttpClient = ownsHttpClient;
        this.codec = new JsonCodec();
        // the keeper refreshes through the pipeline it is part of; sendThroughPipeline reads the field when called
        SessionKeeper keeper = new SessionKeeper(sessions, clock, codec, this::sendThroughPipeline);
        this.pipeline = HttpPipeline.standard(httpClient, config.projectUrl(), config.apiKey(), keeper,
                config.requestTimeout(), retryPolicy, clientInfo());
        this.rest = new PostgrestClient(pipeline, codec);
        this.auth = new AuthClient(pipeline, codec, keeper);
        this.storage = new StorageClient(pipeline, codec, config.projectUrl(), uploadStateDir);
    }

    /** A client with its own HTTP/1.1 {@link HttpClient}, closed with this client. */
    public static SupabaseClient create(SupabaseConfig config) {
        return builder(config).build();
    }

    /** A client over a caller-owned {@link HttpClient} (not closed by {@link #close()}). */
    public static SupabaseClient create(SupabaseConfig config, HttpClient httpClient) {
        return builder(config).httpClient(httpClient).build();
    }

    public static Builder builder(SupabaseConfig config) {
        return new Builder(config);
    }

    /** PostgREST: tables and RPC functions of schema {@code public}. */
    public PostgrestClient rest() {
        return rest;
    }

    /** Supabase Auth: sign-in, sign-out, the current session. */
    public AuthClient auth() {
        return auth;
    }

    /** Supabase Storage: buckets, objects, signed URLs, resumable uploads. */
    public StorageClient storage() {
        return storage;
    }

    /** The pipeline every request goes through; for further service clients in this package tree. */
    public HttpPipeline pipeline() {
        return pipeline;
    }

    /** The shared JSON codec (snake_case fields, UUID and timestamp adapters, explicit nulls). */
    public JsonCodec json() {
        return codec;
    }

    public SupabaseConfig config() {
        return config;
    }

    private CompletableFuture<ApiResponse> sendThroughPipeline(ApiRequest request) {
        return pipeline.send(request);
    }

    @Override
    public void close() {
        if (ownsHttpClient) {
            httpClient.close();
        }
    }

    /** The JDK client the app uses: HTTP/1.1 pinned (no h2c upgrade against the local server). */
    static HttpClient defaultHttpClient(SupabaseConfig config) {
        Duration connectTimeout = config.requestTimeout().compareTo(MAX_CONNECT_TIMEOUT) < 0
                ? config.requestTimeout() : MAX_CONNECT_TIMEOUT;
        return HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(connectTimeout)
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    private static String clientInfo() {
        String version = Optional.ofNullable(SupabaseClient.class.getPackage().getImplementationVersion())
                .or(() -> SupabaseClient.class.getModule().getDescriptor() == null ? Optional.empty()
                        : SupabaseClient.class.getModule().getDescriptor().rawVersion())
                .orElse("dev");
        return "storymimi-studio/" + version;
    }

    /** Options beyond the config; the defaults suit the app, tests swap clock, retries or session store. */
    public static final class Builder {
        private final SupabaseConfig config;
        private HttpClient httpClient;
        private SessionStore sessions = new InMemorySessionStore();
        private RetryPolicy retryPolicy = RetryPolicy.DEFAULT;
        private Clock clock = Clock.systemUTC();
        private Path uploadStateDir;

        private Builder(SupabaseConfig config) {
            this.config = Objects.requireNonNull(config, "config");
        }

        public Builder httpClient(HttpClient client) {
            this.httpClient = Objects.requireNonNull(client, "client");
            return this;
        }

        public Builder sessionStore(SessionStore store) {
            this.sessions = Objects.requireNonNull(store, "store");
            return this;
        }

        public Builder retryPolicy(RetryPolicy policy) {
            this.retryPolicy = Objects.requireNonNull(policy, "policy");
            return this;
        }

        public Builder clock(Clock newClock) {
            this.clock = Objects.requireNonNull(newClock, "clock");
            return this;
        }

        /** Where resumable uploads keep their state so they can continue after a restart (none by default). */
        public Builder uploadStateDirectory(Path dir) {
            this.uploadStateDir = Objects.requireNonNull(dir, "dir");
            return this;
        }

        public SupabaseClient build() {
            boolean owned = httpClient == null;
            HttpClient client = owned ? defaultHttpClient(config) : httpClient;
            return new SupabaseClient(config, client, owned, sessions, retryPolicy, clock, uploadStateDir);
        }
    }
}
