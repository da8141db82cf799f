package com.storymimi.studio.service;

import com.storymimi.studio.model.Health;
import com.storymimi.studio.supabase.SupabaseClient;
import com.storymimi.studio.supabase.SupabaseConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SupabaseHealthServiceTest {

    private static final Instant NOW = Instant.parse("2026-11-24T12:00:00Z");
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

    @Test
    void aRunningSandboxIsReachableWithItsLatency(@TempDir Path dataDir) throws Exception {
        try (SandboxFixture fixture = SandboxFixture.signedIn(dataDir)) {
            Health health = new SupabaseHealthService(fixture.client.rest(), CLOCK).check().join();

            assertTrue(health.reachable());
            assertTrue(health.latency().compareTo(Duration.ZERO) > 0);
            assertEquals(NOW, health.checkedAt());
        }
    }

    @Test
    void aServerThatIsNotThereIsUnreachableNotAnError() throws Exception {
        int freePort;
        try (ServerSocket socket = new ServerSocket(0)) {
            freePort = socket.getLocalPort();
        }
        SupabaseConfig config = new SupabaseConfig(URI.create("http://127.0.0.1:" + freePort), "key",
                Duration.ofSeconds(2));
        try (SupabaseClient client = SupabaseClient.create(config)) {
            Health health = new SupabaseHealthService(client.rest(), CLOCK).check().join();

            assertFalse(health.reachable());
            assertEquals(NOW, health.checkedAt());
        }
    }
}
