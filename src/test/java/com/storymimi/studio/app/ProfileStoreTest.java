package com.storymimi.studio.app;

import com.storymimi.studio.model.ConnectionProfile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ProfileStoreTest {

    private static final ConnectionProfile PROD = ConnectionProfile.supabase("prod", "Production",
            URI.create("https://abc.supabase.co"), "anon-key-123");

    @TempDir
    Path dir;

    private ProfileStore store(Path file) {
        return new ProfileStore(file, Runnable::run, "Local sandbox");
    }

    @Test
    void aFirstStartHasOnlyTheLocalSandbox() {
        List<ConnectionProfile> profiles = store(dir.resolve("profiles.json")).load();

        assertEquals(List.of(ConnectionProfile.localSandbox("Local sandbox")), profiles);
    }

    @Test
    void savedProfilesAreReadBackWithTheSandboxFirst() {
        Path file = dir.resolve("profiles.json");
        store(file).save(List.of(PROD, ConnectionProfile.localSandbox("My sandbox"))).join();

        List<ConnectionProfile> profiles = store(file).load();

        assertEquals(List.of(ConnectionProfile.localSandbox("My sandbox"), PROD), profiles);
    }

    @Test
    void theFileIsReadableByItsOwnerOnly() throws Exception {
        Path file = dir.resolve("profiles.json");

        store(file).save(List.of(PROD)).join();

        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        store(file).save(List.of(PROD, PROD)).join(); // replaced, still owner-only
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        try (var leftovers = Files.list(dir)) {
            assertEquals(List.of(file), leftovers.toList(), "no temp file left behind");
        }
    }

    @Test
    void aCorruptFileGivesTheDefaultAndIsKeptAsBak() throws Exception {
        Path file = dir.resolve("profiles.json");
        String broken = "{\"version\":1,\"profiles\":[{\"id\":\"prod\",\"name\":\"Production\",\"kind\":\"SUPABASE\"}]}";
        Files.writeString(file, broken);

        List<ConnectionProfile> profiles;
        try (LogCapture log = new LogCapture(JsonFile.class)) {
            profiles = store(file).load();
            assertTrue(log.messages().stream().anyMatch(m -> m.startsWith("WARN") && m.contains("profiles.json.bak")),
                    log.messages().toString());
        }

        assertEquals(List.of(ConnectionProfile.localSandbox("Local sandbox")), profiles);
        assertEquals(broken, Files.readString(dir.resolve("profiles.json.bak")));
    }

    @Test
    void bothEnvironmentVariablesMakeAProfile() {
        Optional<ConnectionProfile> profile = ProfileStore.environmentProfile(
                Map.of("SUPABASE_URL", "https://xyz.supabase.co", "SUPABASE_ANON_KEY", "env-key"),
                "Supabase (environment)");

        assertEquals(Optional.of(ConnectionProfile.supabase(ProfileStore.ENVIRONMENT_PROFILE_ID,
                "Supabase (environment)", URI.create("https://xyz.supabase.co"), "env-key")), profile);
    }

    @Test
    void oneVariableAloneOrABadUrlMakesNoProfile() {
        assertTrue(ProfileStore.environmentProfile(Map.of("SUPABASE_URL", "https://xyz.supabase.co"), "env").isEmpty());
        assertTrue(ProfileStore.environmentProfile(Map.of("SUPABASE_ANON_KEY", "k"), "env").isEmpty());
        try (LogCapture log = new LogCapture(ProfileStore.class)) {
            assertTrue(ProfileStore.environmentProfile(
                    Map.of("SUPABASE_URL", "ftp://xyz", "SUPABASE_ANON_KEY", "secret-key"), "env").isEmpty());
            assertFalse(log.messages().toString().contains("secret-key"), "the key is never logged");
        }
    }

    @Test
    void theEnvironmentProfileReplacesItsOlderSelf() {
        ConnectionProfile old = ConnectionProfile.supabase(ProfileStore.ENVIRONMENT_PROFILE_ID, "Supabase (environment)",
                URI.create("https://old.supabase.co"), "old");
        ConnectionProfile fresh = ConnectionProfile.supabase(ProfileStore.ENVIRONMENT_PROFILE_ID,
                "Supabase (environment)", URI.create("https://new.supabase.co"), "new");

        List<ConnectionProfile> profiles = ProfileStore.upsert(List.of(ConnectionProfile.localSandbox("L"), old, PROD), fresh);

        assertEquals(List.of(ConnectionProfile.localSandbox("L"), fresh, PROD), profiles);
    }

    @Test
    void aProfileNeverPrintsItsKey() {
        assertFalse(PROD.toString().contains("anon-key-123"));
    }
}
