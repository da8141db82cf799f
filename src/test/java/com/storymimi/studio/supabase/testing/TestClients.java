package com.storymimi.studio.supabase.testing;

import com.storymimi.studio.supabase.SupabaseClient;
import com.storymimi.studio.supabase.SupabaseConfig;
import com.storymimi.studio.supabase.http.RetryPolicy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

/** Clients wired to a {@link ScriptedServer}, with secrets that are easy to search for in logs and messages. */
public final class TestClients {

    public static final String API_KEY = "anon-key-SECRET-0001";
    public static final String ACCESS_TOKEN = "access-token-SECRET-0002";
    public static final String REFRESH_TOKEN = "refresh-token-SECRET-0003";
    public static final String PASSWORD = "pa55word-SECRET-0004";
    public static final Instant NOW = Instant.parse("2026-11-24T06:00:00Z");

    private TestClients() {
    }

    public static SupabaseClient client(ScriptedServer server) {
        return client(server, Duration.ofSeconds(5), RetryPolicy.DEFAULT);
    }

    public static SupabaseClient client(ScriptedServer server, Duration timeout, RetryPolicy retries) {
        return SupabaseClient.builder(new SupabaseConfig(server.uri(), API_KEY, timeout))
                .retryPolicy(retries)
                .clock(Clock.fixed(NOW, ZoneOffset.UTC))
                .build();
    }

    /** A GoTrue session body with the test tokens. */
    public static String sessionJson(String userId) {
        return """
                {"access_token":"%s","token_type":"bearer","expires_in":3600,"expires_at":1700003600,
                 "refresh_token":"%s","user":{"id":"%s","aud":"authenticated","role":"authenticated",
                 "email":"editor@storymimi.test","created_at":"2026-11-20T08:15:30.123456789Z",
                 "last_sign_in_at":"2026-11-24T05:59:59.5Z","app_metadata":{"provider":"email"}}}
                """.formatted(ACCESS_TOKEN, REFRESH_TOKEN, userId);
    }
}
