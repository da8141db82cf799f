package com.storymimi.studio.app;

import com.storymimi.studio.model.ConnectionProfile;
import com.storymimi.studio.service.Connection;
import com.storymimi.studio.service.ConnectionService;
import com.storymimi.studio.service.HealthService;
import com.storymimi.studio.service.IntegrityService;
import com.storymimi.studio.service.MediaService;
import com.storymimi.studio.service.SceneService;
import com.storymimi.studio.service.ServiceException;
import com.storymimi.studio.service.SideConnection;
import com.storymimi.studio.service.StorageBrowserService;
import com.storymimi.studio.service.StoryService;
import com.storymimi.studio.service.UserService;
import com.storymimi.studio.service.bundle.BundleService;
import com.storymimi.studio.service.revisions.RevisionService;
import com.storymimi.studio.service.trash.TrashService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Consumer;

/**
 * The {@link ConnectionService} of the app: profiles from the {@link ProfileStore}, connections from the
 * {@link BackendFactory}. Opening and closing backends happens on one dedicated thread, so two quick switches
 * never leave two sandboxes running.
 */
public final class ProfileConnectionService implements ConnectionService {

    private static final Logger LOG = LoggerFactory.getLogger(ProfileConnectionService.class);

    private final ProfileStore store;
    private final BackendFactory factory;
    private final Executor connector;
    private final Consumer<String> rememberActive;
    private final Optional<ConnectionProfile> environmentProfile;
    private final String savedActiveId;

    private List<ConnectionProfile> profiles;
    private Backend backend;
    private volatile String openProfileId;

    /**
     * @param profiles           the profiles read at start (environment profile already merged in)
     * @param connector          a single-threaded executor for opening and closing backends
     * @param rememberActive     called with the id of each successfully opened profile, to persist it
     * @param environmentProfile the SUPABASE_URL/SUPABASE_ANON_KEY profile, active for this run if present
     * @param savedActiveId      the profile id remembered from the last run, or null
     */
    public ProfileConnectionService(ProfileStore store, List<ConnectionProfile> profiles, BackendFactory factory,
                                    Executor connector, Consumer<String> rememberActive,
                                    Optional<ConnectionProfile> environmentProfile, String savedActiveId) {
        this.store = Objects.requireNonNull(store, "store");
        this.profiles = List.copyOf(profiles);
        this.factory = Objects.requireNonNull(factory, "factory");
        this.connector = Objects.requireNonNull(connector, "connector");
        this.rememberActive = Objects.requireNonNull(rememberActive, "rememberActive");
        this.environmentProfile = Objects.requireNonNull(environmentProfile, "environmentProfile");
        this.savedActiveId = savedActiveId;
    }

    @Override
    public synchronized CompletableFuture<List<ConnectionProfile>> profiles() {
        return CompletableFuture.completedFuture(profiles);
    }

    @Override
    public synchronized CompletableFuture<ConnectionProfile> activeProfile() {
        ConnectionProfile active = environmentProfile
                .or(() -> find(savedActiveId))
                .orElse(profiles.getFirst());
        return CompletableFuture.completedFuture(active);
    }

    @Override
    public synchronized CompletableFuture<ConnectionProfile> save(ConnectionProfile profile) {
        profiles = List.copyOf(ProfileStore.upsert(profiles, profile));
        return store.save(profiles).thenApply(done -> profile);
    }

    @Override
    public synchronized CompletableFuture<Void> remove(String profileId) {
        if (ConnectionProfile.LOCAL_SANDBOX_ID.equals(profileId)) {
            return CompletableFuture.failedFuture(
                    new ServiceException(ServiceException.Reason.INVALID, "the local sandbox profile cannot be removed"));
        }
        profiles = profiles.stream().filter(p -> !p.id().equals(profileId)).toList();
        return store.save(profiles);
    }

    @Override
    public CompletableFuture<Connection> activate(String profileId) {
        return saved(profileId).thenCompose(profile -> CompletableFuture.supplyAsync(() -> open(profile), connector));
    }

    /** The saved profile with this id, or NOT_FOUND. */
    private CompletableFuture<ConnectionProfile> saved(String profileId) {
        Optional<ConnectionProfile> profile;
        synchronized (this) {
            profile = find(profileId);
        }
        return profile.map(CompletableFuture::completedFuture).orElseGet(() -> CompletableFuture.failedFuture(
                new ServiceException(ServiceException.Reason.NOT_FOUND, "no profile with id " + profileId)));
    }

    /** Runs on the connector thread only. */
    private Connection open(ConnectionProfile profile) {
        closeBackend();
        LOG.info("opening {}", profile);
        try {
            backend = factory.open(profile);
            openProfileId = profile.id();
        } catch (Exception e) {
            throw new ServiceException(ServiceException.Reason.UNAVAILABLE,
                    "could not open " + profile.name() + ": " + e.getMessage(), e);
        }
        if (environmentProfile.map(env -> !env.id().equals(profile.id())).orElse(true)) {
            // The environment's profile is active for this run only; the saved choice stays as it was.
            rememberActive.accept(profile.id());
        }
        return new OpenConnection(profile, backend);
    }

    @Override
    public CompletableFuture<SideConnection> openBeside(String profileId) {
        return saved(profileId).thenCompose(profile -> CompletableFuture.supplyAsync(() -> openSide(profile), connector));
    }

    /** Runs on the connector thread only: after any switch under way, so "the profile open now" is its result. */
    private SideConnection openSide(ConnectionProfile profile) {
        if (profile.id().equals(openProfileId)) {
            throw new ServiceException(ServiceException.Reason.INVALID, profile.name() + " is the project open now");
        }
        LOG.info("opening {} beside the open connection", profile);
        try {
            return new OpenConnection(profile, factory.open(profile));
        } catch (Exception e) {
            throw new ServiceException(ServiceException.Reason.UNAVAILABLE,
                    "could not open " + profile.name() + ": " + e.getMessage(), e);
        }
    }

    private void closeBackend() {
        if (backend != null) {
            try {
                backend.close();
            } catch (RuntimeException e) {
                LOG.warn("closing the previous connection failed", e);
            }
            backend = null;
            openProfileId = null;
        }
    }

    /** Closes the open backend (on the connector thread, after any open still under way). */
    public CompletableFuture<Void> shutdown() {
        return CompletableFuture.runAsync(this::closeBackend, connector);
    }

    private Optional<ConnectionProfile> find(String id) {
        return id == null ? Optional.empty() : profiles.stream().filter(p -> p.id().equals(id)).findFirst();
    }

    /**
     * Asks the backend for each service when it is used, so a section is only built when it is opened. The
     * window's connection is handed out as a {@link Connection} (closed by the next switch); one opened beside it
     * as a {@link SideConnection}, closed by whoever opened it.
     */
    private record OpenConnection(ConnectionProfile profile, Backend backend) implements SideConnection {

        @Override
        public void close() {
            try {
                backend.close();
            } catch (RuntimeException e) {
                LOG.warn("closing {} failed", profile.name(), e);
            }
        }

        @Override
        public UserService users() {
            return backend.users();
        }

        @Override
        public HealthService health() {
            return backend.health();
        }

        @Override
        public StoryService stories() {
            return backend.stories();
        }

        @Override
        public SceneService scenes() {
            return backend.scenes();
        }

        @Override
        public MediaService media() {
            return backend.media();
        }

        @Override
        public IntegrityService integrity() {
            return backend.integrity();
        }

        @Override
        public TrashService trash() {
            return backend.trash();
        }

        @Override
        public RevisionService revisions() {
            return backend.revisions();
        }

        @Override
        public BundleService bundles() {
            return backend.bundles();
        }

        @Override
        public StorageBrowserService storage() {
            return backend.storage();
        }
    }
}
