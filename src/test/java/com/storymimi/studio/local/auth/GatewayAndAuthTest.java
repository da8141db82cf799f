package com.storymimi.studio.local.auth;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.storymimi.studio.local.SandboxFixture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;

import static com.storymimi.studio.local.SandboxFixture.header;
import static com.storymimi.studio.local.SandboxFixture.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The API key gate, JWT roles on /rest/v1, and the GoTrue subset, over real HTTP. */
class GatewayAndAuthTest {

    @TempDir
    static Path dataDir;
    static SandboxFixture fx;

    @BeforeAll
    static void start() {
        fx = new SandboxFixture(dataDir);
        fx.asService("POST", "/rest/v1/users", "{\"username\":\"gate\",\"email\":\"gate@example.com\"}");
    }

    @AfterAll
    static void stop() {
        fx.close();
    }

    /** A token signed with the workspace secret, as a test forging one with chosen claims. */
    private static String token(String role, long exp) throws Exception {
        JsonObject workspace = JsonParser.parseString(Files.readString(dataDir.resolve("workspace.json"))).getAsJsonObject();
        JwtCodec codec = new JwtCodec(Base64.getDecoder().decode(workspace.get("jwt_secret").getAsString()), Clock.systemUTC());
        JsonObject claims = new JsonObject();
        claims.addProperty("role", role);
        claims.addProperty("exp", exp);
        return codec.sign(claims);
    }

    @Test
    void requestsWithoutOrWithAWrongApiKeyAreRefusedLikeTheGateway() {
        HttpResponse<String> none = fx.http.send("GET", "/rest/v1/users", null);
        HttpResponse<String> wrong = fx.http.send("GET", "/rest/v1/users", null, "apikey", "not-a-key");
        HttpResponse<String> inQuery = fx.http.send("GET", "/rest/v1/users?select=username&apikey=" + fx.sandbox.serviceRoleKey(), null);

        assertEquals(401, none.statusCode());
        assertEquals("{\"message\":\"No API key found in request\",\"hint\":\"No `apikey` request header or url param was found.\"}",
                none.body());
        assertEquals(401, wrong.statusCode());
        assertEquals("Invalid API key", json(wrong).getAsJsonObject().get("message").getAsString());
        assertEquals("[{\"username\":\"gate\"}]", inQuery.body());
    }

    @Test
    void eachRoleSeesWhatItsPolicyAllows() {
        assertEquals("[]", fx.asAnon("GET", "/rest/v1/users?select=username", null).body());
        assertEquals("[{\"username\":\"gate\"}]", fx.asEditor("GET", "/rest/v1/users?select=username", null).body());
        assertEquals("[{\"username\":\"gate\"}]", fx.asService("GET", "/rest/v1/users?select=username", null).body());
    }

    @Test
    void badAndExpiredBearerTokensAre401WithWwwAuthenticate() throws Exception {
        long now = Instant.now().getEpochSecond();
        HttpResponse<String> garbage = fx.asAnon("GET", "/rest/v1/users", null, "Authorization", "Bearer abc");
        HttpResponse<String> expired = fx.asAnon("GET", "/rest/v1/users", null,
                "Authorization", "Bearer " + token("authenticated", now - 120));
        HttpResponse<String> withinLeeway = fx.asAnon("GET", "/rest/v1/users?select=username", null,
                "Authorization", "Bearer " + token("authenticated", now - 5));
        HttpResponse<String> unknownRole = fx.asAnon("GET", "/rest/v1/users", null,
                "Authorization", "Bearer " + token("admin", now + 60));

        assertEquals(401, garbage.statusCode());
        assertEquals("PGRST301", json(garbage).getAsJsonObject().get("code").getAsString());
        assertEquals(401, expired.statusCode());
        assertEquals("JWT expired", json(expired).getAsJsonObject().get("message").getAsString());
        assertEquals("Bearer error=\"invalid_token\", error_description=\"JWT expired\"", header(expired, "WWW-Authenticate"));
        assertEquals("[{\"username\":\"gate\"}]", withinLeeway.body(), "PostgREST allows 30 s of clock skew");
        assertEquals(400, unknownRole.statusCode(), "PostgREST 12 answers an unknown JWT role with 400 22023");
    }

    @Test
    void passwordSignInReturnsASupabaseSession() {
        JsonObject session = fx.signIn();

        assertEquals("bearer", session.get("token_type").getAsString());
        assertEquals(3600, session.get("expires_in").getAsInt());
        assertTrue(session.get("expires_at").getAsLong() > Instant.now().getEpochSecond());
        assertEquals(fx.sandbox.editorEmail(), session.getAsJsonObject("user").get("email").getAsString());
        String payload = session.get("access_token").getAsString().split("\\.")[1];
        JsonObject claims = JsonParser.parseString(new String(Base64.getUrlDecoder().decode(payload))).getAsJsonObject();
        assertEquals("authenticated", claims.get("role").getAsString());
        assertEquals("authenticated", claims.get("aud").getAsString());
        assertEquals(session.getAsJsonObject("user").get("id").getAsString(), claims.get("sub").getAsString());
        assertTrue(claims.has("session_id") && claims.has("amr") && claims.has("aal"));
    }

    @Test
    void wrongCredentialsGiveBothErrorShapes() {
        String body = "{\"email\":\"" + fx.sandbox.editorEmail() + "\",\"password\":\"wrong\"}";
        HttpResponse<String> versioned = fx.http.send("POST", "/auth/v1/token?grant_type=password", body,
                "apikey", fx.sandbox.anonKey(), "X-Supabase-Api-Version", "2024-01-01");
        HttpResponse<String> legacy = fx.http.send("POST", "/auth/v1/token?grant_type=password", body,
                "apikey", fx.sandbox.anonKey());

        assertEquals(400, versioned.statusCode());
        assertEquals("{\"code\":\"invalid_credentials\",\"message\":\"Invalid login credentials\"}", versioned.body());
        assertEquals("invalid_credentials", header(versioned, "x-sb-error-code"));
        assertEquals("2024-01-01", header(versioned, "X-Supabase-Api-Version"),
                "auth-js reads the code only from answers that name their API version");
        assertEquals(400, legacy.statusCode());
        assertEquals("{\"code\":400,\"error_code\":\"invalid_credentials\",\"msg\":\"Invalid login credentials\"}", legacy.body());
    }

    @Test
    void refreshRotatesTheTokenAndTheOldOneIsSpent() {
        String first = fx.signIn().get("refresh_token").getAsString();

        HttpResponse<String> refreshed = refresh(first);
        HttpResponse<String> reused = refresh(first);

        assertEquals(200, refreshed.statusCode(), refreshed.body());
        assertNotEquals(first, json(refreshed).getAsJsonObject().get("refresh_token").getAsString());
        assertEquals(400, reused.statusCode());
        assertEquals("refresh_token_already_used", json(reused).getAsJsonObject().get("code").getAsString());
    }

    @Test
    void userEndpointNeedsALiveSessionAndLogoutEndsIt() {
        String access = fx.editorAccessToken();

        HttpResponse<String> user = fx.http.send("GET", "/auth/v1/user", null, "apikey", fx.sandbox.anonKey(),
                "Authorization", "Bearer " + access, "X-Supabase-Api-Version", "2024-01-01");
        HttpResponse<String> logout = fx.http.send("POST", "/auth/v1/logout?scope=local", null, "apikey", fx.sandbox.anonKey(),
                "Authorization", "Bearer " + access);
        HttpResponse<String> after = fx.http.send("GET", "/auth/v1/user", null, "apikey", fx.sandbox.anonKey(),
                "Authorization", "Bearer " + access, "X-Supabase-Api-Version", "2024-01-01");
        HttpResponse<String> anonymous = fx.http.send("GET", "/auth/v1/user", null, "apikey", fx.sandbox.anonKey(),
                "X-Supabase-Api-Version", "2024-01-01");

        assertEquals(200, user.statusCode());
        assertEquals(fx.sandbox.editorEmail(), json(user).getAsJsonObject().get("email").getAsString());
        assertEquals(204, logout.statusCode());
        assertEquals(403, after.statusCode());
        assertEquals("session_not_found", json(after).getAsJsonObject().get("code").getAsString());
        assertEquals(401, anonymous.statusCode());
        assertEquals("no_authorization", json(anonymous).getAsJsonObject().get("code").getAsString());
    }

    @Test
    void authEndpointsAreBehindTheGatewayToo() {
        HttpResponse<String> response = fx.http.send("POST", "/auth/v1/token?grant_type=password", "{}");

        assertEquals(401, response.statusCode());
        assertEquals("No API key found in request", json(response).getAsJsonObject().get("message").getAsString());
    }

    private static HttpResponse<String> refresh(String token) {
        return fx.http.send("POST", "/auth/v1/token?grant_type=refresh_token", "{\"refresh_token\":\"" + token + "\"}",
                "apikey", fx.sandbox.anonKey(), "X-Supabase-Api-Version", "2024-01-01");
    }
}
