package com.storymimi.studio.app;

import com.storymimi.studio.model.ConnectionProfile;
import com.storymimi.studio.service.Connection;
import com.storymimi.studio.service.ServiceException;
import com.storymimi.studio.service.SideConnection;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

class ProfileConnectionServiceTest {

    private static final ConnectionProfile SANDBOX = ConnectionProfile.localSandbox("Local sandbox");
    private static final ConnectionProfile PROD = ConnectionProfile.supabase("prod", "Production",
            URI.create("https://abc.supabase.co"), "anon");
    private static final ConnectionProfile ENV = ConnectionProfile.supabase(ProfileStore.ENVIRONMENT_PROFILE_ID,
            "Supabase (environment)", URI.create("https://env.supabase.co"), "env");

    @TempDir
    Path dir;

    private final ExecutorService connector = Executors.newSingleThreadExecutor();
    private final List<String> remembered = new ArrayList<>();
    private final DemoBackendFactory backends = new DemoBackendFactory(Duration.ZERO, 0);

    private ProfileConnectionService service(Optional<ConnectionProfile> env, String savedActive) {
        ProfileStore store = new ProfileStore(dir.resolve("profiles.json"), Runnable::run, "Local sandbox");
        List<ConnectionProfile> profiles = new ArrayList<>(List.of(SANDBOX, PROD));
        env.ifPresent(profiles::add);
        return new ProfileConnectionService(store, profiles, backends, connector, remembered::add, env, savedActive);
    }

    @Test
    void theLastUsedProfileIsActiveElseTheSandbox() {
        assertEquals(PROD, service(Optional.empty(), "prod").activeProfile().join());
        assertEquals(SANDBOX, service(Optional.empty(), null).activeProfile().join());
        assertEquals(SANDBOX, service(Optional.empty(), "deleted-meanwhile").activeProfile().join());
    }

    @Test
    void theEnvironmentProfileIsActiveForThisRunWithoutBeingRemembered() {
        ProfileConnectionService service = service(Optional.of(ENV), "prod");

        assertEquals(ENV, service.activeProfile().join());
        Connection connection = service.activate(ENV.id()).join();

        assertEquals(ENV, connection.profile());
        assertEquals(List.of(), remembered);
    }

    @Test
    void switchingClosesThePreviousBackendAndRemembersTheNewProfile() {
        ProfileConnectionService service = service(Optional.empty(), null);

        service.activate(SANDBOX.id()).join();
        service.activate(PROD.id()).join();

        assertEquals(List.of("local-sandbox", "prod"), backends.opened);
        assertEquals(List.of("local-sandbox"), backends.closed);
        assertEquals(List.of("local-sandbox", "prod"), remembered);
        service.shutdown().join();
        assertEquals(List.of("local-sandbox", "prod"), backends.closed);
    }

    @Test
    void aProfileOpenedBesideTheWindowsIsClosedByItsOwnerAndNeverTheOpenOne() {
        ProfileConnectionService service = service(Optional.empty(), null);
        service.activate(SANDBOX.id()).join();

        CompletionException same = assertThrows(CompletionException.class, () -> service.openBeside(SANDBOX.id()).join());
        assertEquals(ServiceException.Reason.INVALID, ((ServiceException) same.getCause()).reason());
        try (SideConnection prod = service.openBeside(PROD.id()).join()) {
            assertEquals(PROD, prod.profile());
            assertEquals(List.of("local-sandbox", "prod"), backends.opened);
        }
        assertEquals(List.of("prod"), backends.closed, "closing it leaves the window's connection open");
        assertEquals(List.of("local-sandbox"), remembered, "the active profile stays the one opened");
    }

    @Test
    void aBackendThatCannotOpenIsUnavailable() {
        BackendFactory broken = profile -> {
            throw new IllegalStateException("port 54321 in use");
        };
        ProfileConnectionService service = new ProfileConnectionService(
                new ProfileStore(dir.resolve("p.json"), Runnable::run, "Local sandbox"), List.of(SANDBOX), broken,
                connector, remembered::add, Optional.empty(), null);

        CompletionException failure = assertThrows(CompletionException.class,
                () -> service.activate(SANDBOX.id()).join());

        ServiceException cause = assertInstanceOf(ServiceException.class, failure.getCause());
        assertEquals(ServiceException.Reason.UNAVAILABLE, cause.reason());
        assertEquals(List.of(), remembered);
    }

    @Test
    void savedProfilesPersistAndTheSandboxCannotBeRemoved() {
        ProfileConnectionService service = service(Optional.empty(), null);
        ConnectionProfile staging = ConnectionProfile.supabase("staging", "Staging",
                URI.create("https://stg.supabase.co"), "k");

        service.save(staging).join();
        service.remove(PROD.id()).join();

        assertEquals(List.of(SANDBOX, staging),
                new ProfileStore(dir.resolve("profiles.json"), Runnable::run, "Local sandbox").load());
        CompletionException refused = assertThrows(CompletionException.class,
                () -> service.remove(SANDBOX.id()).join());
        assertEquals(ServiceException.Reason.INVALID, ((ServiceException) refused.getCause()).reason());
    }
}
