package com.storymimi.studio.app;

import com.storymimi.studio.local.LocalSandbox;
import com.storymimi.studio.local.SandboxOptions;
import com.storymimi.studio.model.ConnectionProfile;
import com.storymimi.studio.service.HealthService;
import com.storymimi.studio.service.MediaService;
import com.storymimi.studio.service.SceneService;
import com.storymimi.studio.service.StoryService;
import com.storymimi.studio.service.SupabaseHealthService;
import com.storymimi.studio.service.SupabaseUserService;
import com.storymimi.studio.service.UserService;
import com.storymimi.studio.supabase.SupabaseClient;
import com.storymimi.studio.supabase.SupabaseConfig;

import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;

/**
 * Opens the real thing for a profile: for the local sandbox it starts the embedded server and signs in as its
 * editor; for a Supabase project it connects with the project's URL and anon key. Either way the services talk
 * to the backend through the same Supabase client over HTTP.
 */
public final class SupabaseBackendFactory implements BackendFactory {

    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(20);

    private final Path sandboxDir;
    private final Clock clock;

    public SupabaseBackendFactory(Path sandboxDir, Clock clock) {
        this.sandboxDir = Objects.requireNonNull(sandboxDir, "sandboxDir");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** The factory of an installation: its sandbox lives in {@link AppPaths#sandboxDir()}. */
    public static SupabaseBackendFactory forPaths(AppPaths paths) {
        return new SupabaseBackendFactory(paths.sandboxDir(), Clock.systemUTC());
    }

    @Override
    public Backend open(ConnectionProfile profile) throws Exception {
        return switch (profile.kind()) {
            case SANDBOX -> openSandbox();
            case SUPABASE -> new ClientBackend(connect(profile.url(), profile.anonKey()), null, clock);
        };
    }

    private Backend openSandbox() throws Exception {
        LocalSandbox sandbox = LocalSandbox.start(new SandboxOptions(sandboxDir, 0, true));
        SupabaseClient client = null;
        try {
            client = connect(sandbox.baseUrl(), sandbox.anonKey());
            // The sandbox's editor account: the same sign-in a real project asks of an editor.
            client.auth().signInWithPassword(sandbox.editorEmail(), sandbox.editorPassword()).get();
            return new ClientBackend(client, sandbox, clock);
        } catch (Exception | Error e) {
            if (client != null) {
                client.close();
            }
            sandbox.close();
            throw e;
        }
    }

    private static SupabaseClient connect(URI url, String apiKey) {
        return SupabaseClient.create(new SupabaseConfig(url, apiKey, REQUEST_TIMEOUT));
    }

    /** The services of one client; closing it closes the client and, for the sandbox, stops the server. */
    private static final class ClientBackend implements Backend {

        private final SupabaseClient client;
        private final LocalSandbox sandbox;
        private final UserService users;
        private final HealthService health;

        ClientBackend(SupabaseClient client, LocalSandbox sandbox, Clock clock) {
            this.client = client;
            this.sandbox = sandbox;
            this.users = new SupabaseUserService(client.rest());
            this.health = new SupabaseHealthService(client.rest(), clock);
        }

        @Override
        public UserService users() {
            return users;
        }

        @Override
        public HealthService health() {
            return health;
        }

        @Override
        public StoryService stories() {
            // INTEGRATION: return the SupabaseStoryService built in the constructor (wip-services).
            throw new UnsupportedOperationException("wired during integration");
        }

        @Override
        public SceneService scenes() {
            // INTEGRATION: return the SupabaseSceneService built in the constructor (wip-services).
            throw new UnsupportedOperationException("wired during integration");
        }

        @Override
        public MediaService media() {
            // INTEGRATION: return the SupabaseMediaService (with its local cache under the data dir).
            throw new UnsupportedOperationException("wired during integration");
        }

        @Override
        public void close() {
            client.close();
            if (sandbox != null) {
                sandbox.close();
            }
        }
    }
}
