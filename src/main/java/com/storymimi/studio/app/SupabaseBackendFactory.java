package com.storymimi.studio.app;

import com.storymimi.studio.local.LocalSandbox;
import com.storymimi.studio.local.SandboxOptions;
import com.storymimi.studio.model.ConnectionProfile;
import com.storymimi.studio.model.Credentials;
import com.storymimi.studio.service.ObjectStorage;
import com.storymimi.studio.service.OrphanedMedia;
import com.storymimi.studio.service.SupabaseStorageBrowserService;
import com.storymimi.studio.service.SupabaseHealthService;
import com.storymimi.studio.service.SupabaseIntegrityService;
import com.storymimi.studio.service.SupabaseMediaService;
import com.storymimi.studio.service.SupabaseObjectStorage;
import com.storymimi.studio.service.SupabaseSceneService;
import com.storymimi.studio.service.SupabaseStoryService;
import com.storymimi.studio.service.SupabaseUserService;
import com.storymimi.studio.service.MediaRemoval;
import com.storymimi.studio.service.bundle.SupabaseBundleService;
import com.storymimi.studio.service.revisions.SupabaseRevisionService;
import com.storymimi.studio.service.trash.SupabaseTrashService;
import com.storymimi.studio.supabase.SupabaseClient;
import com.storymimi.studio.supabase.SupabaseConfig;
import com.storymimi.studio.supabase.auth.FileSessionStore;
import com.storymimi.studio.supabase.error.AuthException;
import com.storymimi.studio.supabase.error.SupabaseException;
import com.storymimi.studio.ui.connect.SignInPrompt;

import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Opens the real thing for a profile: for the local sandbox it starts the embedded server and signs in as its
 * editor; for a Supabase project it connects with the project's URL and anon key. Either way the services talk
 * to the backend through the same Supabase client over HTTP.
 */
public final class SupabaseBackendFactory implements BackendFactory {

    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(20);

    private final Path sandboxDir;
    private final Path mediaCacheRoot;
    private final Path sessionDir;
    private final SignInPrompt signIn;
    private final Clock clock;

    /**
     * @param sandboxDir     the local sandbox's workspace
     * @param mediaCacheRoot where local copies of images and narrations are kept, one folder per profile
     * @param sessionDir     where the sessions of Supabase projects are kept (files 0600), one per profile
     * @param signIn         asks the editor to sign in to a project that has no valid session
     */
    public SupabaseBackendFactory(Path sandboxDir, Path mediaCacheRoot, Path sessionDir, SignInPrompt signIn,
                                  Clock clock) {
        this.sandboxDir = Objects.requireNonNull(sandboxDir, "sandboxDir");
        this.mediaCacheRoot = Objects.requireNonNull(mediaCacheRoot, "mediaCacheRoot");
        this.sessionDir = Objects.requireNonNull(sessionDir, "sessionDir");
        this.signIn = Objects.requireNonNull(signIn, "signIn");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** The factory of an installation, with its folders from {@link AppPaths}. */
    public static SupabaseBackendFactory forPaths(AppPaths paths, SignInPrompt signIn) {
        return new SupabaseBackendFactory(paths.sandboxDir(), paths.mediaCacheDir(), paths.sessionsDir(), signIn,
                Clock.systemUTC());
    }

    @Override
    public Backend open(ConnectionProfile profile) throws Exception {
        Path mediaCache = mediaCacheRoot.resolve(profile.id());
        return switch (profile.kind()) {
            case SANDBOX -> openSandbox(mediaCache);
            case SUPABASE -> openProject(profile, mediaCache);
        };
    }

    /**
     * A Supabase project: editors sign in (policies give anon nothing). A session kept from an earlier run is
     * refreshed rather than asked for again; a refused one, or none, opens the sign-in prompt.
     */
    private Backend openProject(ConnectionProfile profile, Path mediaCache) throws Exception {
        SupabaseClient client = SupabaseClient.builder(new SupabaseConfig(profile.url(), profile.anonKey(),
                        REQUEST_TIMEOUT))
                .sessionStore(new FileSessionStore(sessionDir.resolve(profile.id() + ".json")))
                .build();
        try {
            if (!resumeSession(client)) {
                signInInteractively(client, profile.name());
            }
            return clientBackend(client, null, clock, mediaCache);
        } catch (Exception | Error e) {
            client.close();
            throw e;
        }
    }

    private static boolean resumeSession(SupabaseClient client) throws Exception {
        if (client.auth().currentSession().isEmpty()) {
            return false;
        }
        try {
            client.auth().refreshSession().get();
            return true;
        } catch (ExecutionException e) {
            if (SupabaseException.unwrap(e).orElse(null) instanceof AuthException) {
                return false; // expired or revoked: sign in again
            }
            throw e;
        }
    }

    private void signInInteractively(SupabaseClient client, String projectName) throws Exception {
        boolean wrongBefore = false;
        while (true) {
            Credentials credentials = signIn.ask(projectName, wrongBefore).get()
                    .orElseThrow(() -> new CancellationException("Sign-in to " + projectName + " was cancelled."));
            try {
                client.auth().signInWithPassword(credentials.email(), credentials.password()).get();
                return;
            } catch (ExecutionException e) {
                if (!(SupabaseException.unwrap(e).orElse(null) instanceof AuthException refused)
                        || refused.status() != 400) {
                    throw e;
                }
                wrongBefore = true;
            }
        }
    }

    private Backend openSandbox(Path mediaCache) throws Exception {
        LocalSandbox sandbox = LocalSandbox.start(new SandboxOptions(sandboxDir, 0, true));
        SupabaseClient client = null;
        try {
            client = connect(sandbox.baseUrl(), sandbox.anonKey());
            // The sandbox's editor account: the same sign-in a real project asks of an editor.
            client.auth().signInWithPassword(sandbox.editorEmail(), sandbox.editorPassword()).get();
            return clientBackend(client, sandbox, clock, mediaCache);
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

    /** The services of one client; closing the backend closes the client and, for the sandbox, stops the server. */
    private static Backend clientBackend(SupabaseClient client, LocalSandbox sandbox, Clock clock, Path mediaCache) {
        ExecutorService fileWork = Executors.newVirtualThreadPerTaskExecutor();
        ObjectStorage storage = new SupabaseObjectStorage(client.storage());
        // Objects a removal could not delete are logged by the services; the integrity doctor finds them.
        OrphanedMedia orphans = OrphanedMedia.IGNORE;
        SupabaseStoryService stories = new SupabaseStoryService(client.rest());
        SupabaseSceneService scenes = new SupabaseSceneService(client.rest());
        SupabaseMediaService media = new SupabaseMediaService(client.rest(), storage, orphans, mediaCache, fileWork);
        return new BackendServices(
                new SupabaseUserService(client.rest()),
                new SupabaseHealthService(client.rest(), clock),
                stories,
                scenes,
                media,
                // A scan blocks its thread while it waits for each page: a virtual thread of fileWork, closed with it.
                new SupabaseIntegrityService(client.rest(), client.storage(), fileWork),
                new SupabaseStorageBrowserService(client.storage(), fileWork),
                new SupabaseTrashService(client.rest(), new MediaRemoval(storage, orphans)),
                new SupabaseRevisionService(client.rest(), stories, scenes, media),
                new SupabaseBundleService(client.rest(), storage,
                        new MediaRemoval(storage, orphans), fileWork, clock),
                () -> {
                    fileWork.shutdownNow();
                    client.close();
                    if (sandbox != null) {
                        sandbox.close();
                    }
                });
    }
}
