package com.storymimi.studio.supabase.auth;

import com.google.gson.JsonParser;
import com.storymimi.studio.supabase.SupabaseClient;
import com.storymimi.studio.supabase.SupabaseConfig;
import com.storymimi.studio.supabase.error.AuthException;
import com.storymimi.studio.supabase.error.RestException;
import com.storymimi.studio.supabase.error.SupabaseException;
import com.storymimi.studio.supabase.http.ApiRequest;
import com.storymimi.studio.supabase.http.RetryPolicy;
import com.storymimi.studio.supabase.http.SupabaseApi;
import com.storymimi.studio.supabase.storage.UploadOptions;
import com.storymimi.studio.supabase.testing.ScriptedServer;
import com.storymimi.studio.supabase.testing.ScriptedServerTest;
import com.storymimi.studio.supabase.testing.ScriptedServer.Recorded;
import com.storymimi.studio.supabase.testing.ScriptedServer.Scripted;
import com.storymimi.studio.supabase.testing.TestClients;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Refresh ahead of expiry, one refresh in flight, refresh-and-replay once, and the end of a session. */
class SessionRefreshTest extends ScriptedServerTest {

    private static final String USER = "0b0b0b0b-1111-4222-8333-444444444444";
    private static final String NEW_ACCESS = "access-token-SECRET-NEW";
    private static final String NEW_REFRESH = "refresh-token-SECRET-NEW";

    @TempDir
    Path dir;
    private static String session(String access, String refresh, long expiresIn) {
        return """
                {"access_token":"%s","token_type":"bearer","expires_in":%d,"expires_at":1,
                 "refresh_token":"%s","user":{"id":"%s","email":"editor@storymimi.test"}}
                """.formatted(access, expiresIn, refresh, USER);
    }

    private void signIn(SupabaseClient on, long expiresIn) {
        server.enqueue(Scripted.json(200, session(TestClients.ACCESS_TOKEN, TestClients.REFRESH_TOKEN, expiresIn)));
        on.auth().signInWithPassword("editor@storymimi.test", TestClients.PASSWORD).join();
    }

    private CompletableFuture<?> readUsers() {
        return client.rest().from("users").select("user_id").list(Object.class);
    }

    private List<Recorded> refreshes() {
        return server.requests().stream().filter(r -> r.rawPath().equals("/auth/v1/token")
                && "grant_type=refresh_token".equals(r.rawQuery())).toList();
    }

    @Test
    void tokenExpiringWithinNinetySecondsIsRefreshedBeforeTheRequest() {
        signIn(client, 60);
        server.enqueue(Scripted.json(200, session(NEW_ACCESS, NEW_REFRESH, 3600)), Scripted.json(200, "[]"));

        readUsers().join();

        Recorded refresh = server.request(1);
        assertEquals("POST", refresh.method());
        assertEquals("/auth/v1/token", refresh.rawPath());
        assertEquals("grant_type=refresh_token", refresh.rawQuery());
        assertEquals("Bearer " + TestClients.API_KEY, refresh.header("Authorization"));
        assertEquals(TestClients.REFRESH_TOKEN,
                JsonParser.parseString(refresh.body()).getAsJsonObject().get("refresh_token").getAsString());
        assertEquals("Bearer " + NEW_ACCESS, server.request(2).header("Authorization"));
        assertEquals(NEW_REFRESH, client.auth().currentSession().orElseThrow().refreshToken());
    }

    @Test
    void freshTokenIsNotRefreshed() {
        signIn(client, 3600);
        server.enqueue(Scripted.json(200, "[]"));

        readUsers().join();

        assertEquals(2, server.requests().size());
        assertTrue(refreshes().isEmpty());
    }

    @Test
    void concurrentRequestsWaitForOneRefresh() {
        signIn(client, 30);
        server.enqueue(Scripted.json(200, session(NEW_ACCESS, NEW_REFRESH, 3600)).delayed(Duration.ofMillis(400)));
        IntStream.range(0, 5).forEach(i -> server.enqueue(Scripted.json(200, "[]")));

        List<CompletableFuture<?>> calls = IntStream.range(0, 5).<CompletableFuture<?>>mapToObj(i -> readUsers()).toList();
        CompletableFuture.allOf(calls.toArray(CompletableFuture[]::new)).join();

        assertEquals(1, refreshes().size());
        List<Recorded> reads = server.requests().stream().filter(r -> r.rawPath().equals("/rest/v1/users")).toList();
        assertEquals(5, reads.size());
        reads.forEach(read -> assertEquals("Bearer " + NEW_ACCESS, read.header("Authorization")));
    }

    @Test
    void expiredJwtAnswerIsRefreshedAndReplayedOnce() {
        signIn(client, 3600);
        server.enqueue(Scripted.json(401, "{\"code\":\"PGRST301\",\"message\":\"JWT expired\",\"details\":null,\"hint\":null}"),
                Scripted.json(200, session(NEW_ACCESS, NEW_REFRESH, 3600)),
                Scripted.json(200, "[]"));

        readUsers().join();

        assertEquals(4, server.requests().size());
        assertEquals("Bearer " + TestClients.ACCESS_TOKEN, server.request(1).header("Authorization"));
        assertEquals("/auth/v1/token", server.request(2).rawPath());
        assertEquals("Bearer " + NEW_ACCESS, server.request(3).header("Authorization"));
    }

    @Test
    void aSecondExpiredAnswerIsNotReplayedAgain() {
        signIn(client, 3600);
        String expired = "{\"code\":\"PGRST303\",\"message\":\"JWT expired\",\"details\":null,\"hint\":null}";
        server.enqueue(Scripted.json(401, expired), Scripted.json(200, session(NEW_ACCESS, NEW_REFRESH, 3600)),
                Scripted.json(401, expired));

        CompletionException thrown = assertThrows(CompletionException.class, () -> readUsers().join());

        assertEquals("PGRST303", ((RestException) SupabaseException.unwrap(thrown).orElseThrow()).code());
        assertEquals(4, server.requests().size());
    }

    @Test
    void storageExpiredTokenReplaysTheUploadWithTheSameBytes() throws Exception {
        signIn(client, 3600);
        Path file = Files.write(dir.resolve("a.png"), new byte[] {(byte) 0x89, 'P', 'N', 'G', 1, 2, 3});
        server.enqueue(Scripted.json(400, "{\"statusCode\":\"403\",\"error\":\"Unauthorized\","
                        + "\"message\":\"\\\"exp\\\" claim timestamp check failed\"}"),
                Scripted.json(200, session(NEW_ACCESS, NEW_REFRESH, 3600)),
                Scripted.json(200, "{\"Id\":\"i\",\"Key\":\"story-images/a.png\"}"));

        client.storage().from("story-images").upload("a.png", file, UploadOptions.defaults()).join();

        assertEquals(4, server.requests().size());
        assertArrayEquals(Files.readAllBytes(file), server.request(1).bytes());
        assertArrayEquals(Files.readAllBytes(file), server.request(3).bytes());
        assertEquals("Bearer " + NEW_ACCESS, server.request(3).header("Authorization"));
    }

    @Test
    void rlsDenialInStorageIsNotTakenForAnExpiredToken() throws Exception {
        signIn(client, 3600);
        Path file = Files.write(dir.resolve("a.png"), new byte[] {1});
        server.enqueue(Scripted.json(400, "{\"statusCode\":\"403\",\"error\":\"Unauthorized\","
                + "\"message\":\"new row violates row-level security policy\"}"));

        assertThrows(CompletionException.class,
                () -> client.storage().from("story-images").upload("a.png", file, UploadOptions.defaults()).join());

        assertTrue(refreshes().isEmpty());
    }

    @Test
    void goTrueBadJwtIsRefreshedAndReplayed() {
        signIn(client, 3600);
        server.enqueue(Scripted.json(403, "{\"code\":\"bad_jwt\",\"message\":\"token is expired\"}"),
                Scripted.json(200, session(NEW_ACCESS, NEW_REFRESH, 3600)), Scripted.json(200, "{}"));

        client.pipeline().send(ApiRequest.of(SupabaseApi.AUTH, "GET", "/auth/v1/user")).join();

        assertEquals(1, refreshes().size());
        assertEquals("Bearer " + NEW_ACCESS, server.request(3).header("Authorization"));
    }

    @Test
    void postgrestForbiddenIsNotAnExpiredToken() {
        signIn(client, 3600);
        server.enqueue(Scripted.json(403, "{\"code\":\"42501\",\"message\":\"permission denied for table users\"}"));

        assertThrows(CompletionException.class, () -> readUsers().join());

        assertTrue(refreshes().isEmpty());
    }

    @Test
    void refusedRefreshClearsTheSessionAndAsksForANewSignIn() {
        signIn(client, 3600);
        server.enqueue(Scripted.json(401, "{\"code\":\"PGRST301\",\"message\":\"JWT expired\"}"),
                Scripted.json(400, "{\"code\":\"refresh_token_not_found\",\"message\":\"Invalid Refresh Token: Refresh Token Not Found\"}"));

        CompletionException thrown = assertThrows(CompletionException.class, () -> readUsers().join());

        AuthException error = assertInstanceOf(AuthException.class, SupabaseException.unwrap(thrown).orElseThrow());
        assertEquals(SessionKeeper.SIGN_IN_REQUIRED, error.code());
        assertFalse(error.getMessage().contains(TestClients.REFRESH_TOKEN));
        assertEquals(Optional.empty(), client.auth().currentSession());
        assertEquals(3, server.requests().size(), "the request is not replayed without a session");
    }

    @Test
    void refreshThatFailsForAnotherReasonKeepsTheSession() {
        signIn(client, 30);
        server.enqueue(Scripted.json(500, "{\"code\":\"unexpected_failure\",\"message\":\"boom\"}"));

        CompletionException thrown = assertThrows(CompletionException.class, () -> readUsers().join());

        assertEquals(500, SupabaseException.unwrap(thrown).orElseThrow().status());
        assertTrue(client.auth().currentSession().isPresent());
    }

    @Test
    void fileSessionStoreIsPrivateAndSurvivesANewClient() throws Exception {
        Path file = dir.resolve("state").resolve("session.json");
        try (SupabaseClient first = clientWith(new FileSessionStore(file))) {
            signIn(first, 3600);
        }
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        server.enqueue(Scripted.json(200, "[]"));

        try (SupabaseClient second = clientWith(new FileSessionStore(file))) {
            second.rest().from("users").select().list(Object.class).join();
            assertEquals(TestClients.NOW.plusSeconds(3600), second.auth().currentSession().orElseThrow().expiresAt());
        }

        assertEquals("Bearer " + TestClients.ACCESS_TOKEN, server.request(1).header("Authorization"));
    }

    @Test
    void fileSessionStoreTreatsADamagedFileAsSignedOutAndClearDeletesIt() throws Exception {
        Path file = Files.writeString(dir.resolve("session.json"), "{\"access_token\":");
        FileSessionStore store = new FileSessionStore(file);

        assertEquals(Optional.empty(), store.load());

        store.save(new Session("a", "r", TestClients.NOW, null));
        assertEquals("a", new FileSessionStore(file).load().orElseThrow().accessToken());
        store.clear();
        assertFalse(Files.exists(file));
        assertEquals(Optional.empty(), new FileSessionStore(file).load());
    }

    private SupabaseClient clientWith(SessionStore store) {
        return SupabaseClient.builder(new SupabaseConfig(server.uri(), TestClients.API_KEY, Duration.ofSeconds(5)))
                .retryPolicy(RetryPolicy.DEFAULT)
                .clock(Clock.fixed(TestClients.NOW, ZoneOffset.UTC))
                .sessionStore(store)
                .build();
    }
}
