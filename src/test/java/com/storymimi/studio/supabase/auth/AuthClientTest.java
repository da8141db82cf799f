package com.storymimi.studio.supabase.auth;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.storymimi.studio.supabase.error.AuthException;
import com.storymimi.studio.supabase.error.SupabaseException;
import com.storymimi.studio.supabase.testing.ScriptedServer;
import com.storymimi.studio.supabase.testing.ScriptedServerTest;
import com.storymimi.studio.supabase.testing.ScriptedServer.Recorded;
import com.storymimi.studio.supabase.testing.ScriptedServer.Scripted;
import com.storymimi.studio.supabase.testing.TestClients;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletionException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Password sign-in and sign-out, and how the session's token reaches every later request. */
class AuthClientTest extends ScriptedServerTest {

    private static final UUID USER = UUID.fromString("0b0b0b0b-1111-4222-8333-444444444444");

    private Session signIn() {
        server.enqueue(Scripted.json(200, TestClients.sessionJson(USER.toString())));
        return client.auth().signInWithPassword(" editor@storymimi.test ", TestClients.PASSWORD).join();
    }

    @Test
    void signInPostsThePasswordGrantWithTheApiKeyAsBearer() {
        // when
        Session session = signIn();

        // then the request
        Recorded request = server.onlyRequest();
        assertEquals("POST", request.method());
        assertEquals("/auth/v1/token", request.rawPath());
        assertEquals("grant_type=password", request.rawQuery());
        assertEquals(TestClients.API_KEY, request.header("apikey"));
        assertEquals("Bearer " + TestClients.API_KEY, request.header("Authorization"));
        assertEquals("2024-01-01", request.header("X-Supabase-Api-Version"));
        assertEquals("application/json;charset=UTF-8", request.header("Content-Type"));
        JsonObject body = JsonParser.parseString(request.body()).getAsJsonObject();
        assertEquals("editor@storymimi.test", body.get("email").getAsString());
        assertEquals(TestClients.PASSWORD, body.get("password").getAsString());

        // and the session: expiry from local receipt time + expires_in, not the server's expires_at
        assertEquals(TestClients.ACCESS_TOKEN, session.accessToken());
        assertEquals(TestClients.REFRESH_TOKEN, session.refreshToken());
        assertEquals(TestClients.NOW.plusSeconds(3600), session.expiresAt());
        assertEquals(USER, session.user().id());
        assertEquals("editor@storymimi.test", session.user().email());
        assertEquals(Instant.parse("2026-11-20T08:15:30.123456789Z"), session.user().createdAt());
        assertEquals(Optional.of(session), client.auth().currentSession());
    }

    @Test
    void afterSignInRequestsCarryTheAccessTokenAndStillTheApiKey() {
        signIn();
        server.enqueue(Scripted.json(200, "[]"));

        client.rest().from("users").select("user_id").limit(1).list(Object.class).join();

        Recorded request = server.request(1);
        assertEquals("Bearer " + TestClients.ACCESS_TOKEN, request.header("Authorization"));
        assertEquals(TestClients.API_KEY, request.header("apikey"));
    }

    @Test
    void signingInAgainSendsTheApiKeyNotTheOldSessionToken() {
        signIn();
        signIn();

        assertEquals("Bearer " + TestClients.API_KEY, server.request(1).header("Authorization"));
    }

    @Test
    void wrongPasswordFailsAndLeavesNobodySignedIn() {
        server.enqueue(Scripted.json(400, "{\"code\":\"invalid_credentials\",\"message\":\"Invalid login credentials\"}"));

        CompletionException thrown = assertThrows(CompletionException.class,
                () -> client.auth().signInWithPassword("editor@storymimi.test", "wrong").join());

        AuthException error = assertInstanceOf(AuthException.class, SupabaseException.unwrap(thrown).orElseThrow());
        assertEquals("invalid_credentials", error.code());
        assertEquals(Optional.empty(), client.auth().currentSession());
    }

    @Test
    void blankCredentialsAreRefusedWithoutARequest() {
        assertThrows(IllegalArgumentException.class, () -> client.auth().signInWithPassword(" ", "x"));
        assertThrows(IllegalArgumentException.class, () -> client.auth().signInWithPassword("a@b.c", ""));
        assertTrue(server.requests().isEmpty());
    }

    @Test
    void signOutRevokesWithTheSessionTokenAndFallsBackToTheApiKey() {
        signIn();
        server.enqueue(Scripted.status(204), Scripted.json(200, "[]"));

        client.auth().signOut().join();
        client.rest().from("users").select().list(Object.class).join();

        Recorded logout = server.request(1);
        assertEquals("POST", logout.method());
        assertEquals("/auth/v1/logout", logout.rawPath());
        assertEquals("scope=global", logout.rawQuery());
        assertEquals("Bearer " + TestClients.ACCESS_TOKEN, logout.header("Authorization"));
        assertEquals(Optional.empty(), client.auth().currentSession());
        assertEquals("Bearer " + TestClients.API_KEY, server.request(2).header("Authorization"));
    }

    @Test
    void signOutClearsTheSessionWhenTheServerNoLongerKnowsIt() {
        signIn();
        server.enqueue(Scripted.json(403, "{\"code\":\"session_not_found\",\"message\":\"Session not found\"}"));

        client.auth().signOut().join();

        assertEquals(Optional.empty(), client.auth().currentSession());
    }

    @Test
    void signOutKeepsTheSessionWhenTheServerFails() {
        signIn();
        server.enqueue(Scripted.json(500, "{\"code\":\"unexpected_failure\",\"message\":\"boom\"}"));

        CompletionException thrown = assertThrows(CompletionException.class, () -> client.auth().signOut().join());

        assertEquals(500, SupabaseException.unwrap(thrown).orElseThrow().status());
        assertTrue(client.auth().currentSession().isPresent());
    }

    @Test
    void signOutWithoutSessionSendsNothing() {
        client.auth().signOut().join();

        assertTrue(server.requests().isEmpty());
    }

    @Test
    void sessionToStringHidesTheTokens() {
        String text = signIn().toString();

        assertFalse(text.contains(TestClients.ACCESS_TOKEN), text);
        assertFalse(text.contains(TestClients.REFRESH_TOKEN), text);
        assertTrue(text.contains(USER.toString()), text);
    }

    @Test
    void expiryCheckUsesTheMargin() {
        Session session = signIn();

        assertFalse(session.expiresWithin(Duration.ofSeconds(90), TestClients.NOW));
        assertTrue(session.expiresWithin(Duration.ofSeconds(90), TestClients.NOW.plusSeconds(3600 - 60)));
    }
}
