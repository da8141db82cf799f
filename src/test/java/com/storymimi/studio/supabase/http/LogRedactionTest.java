package com.storymimi.studio.supabase.http;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.storymimi.studio.supabase.SupabaseClient;
import com.storymimi.studio.supabase.SupabaseConfig;
import com.storymimi.studio.supabase.testing.ScriptedServer;
import com.storymimi.studio.supabase.testing.ScriptedServer.Scripted;
import com.storymimi.studio.supabase.testing.TestClients;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletionException;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every pipeline log line, down to TRACE, is captured and searched for the secrets of the exchange. */
class LogRedactionTest {

    private static final List<String> SECRETS = List.of(TestClients.API_KEY, TestClients.PASSWORD,
            TestClients.ACCESS_TOKEN, TestClients.REFRESH_TOKEN, "signed-url-SECRET-0005");

    private final Logger logger = (Logger) LoggerFactory.getLogger("com.storymimi.studio.supabase");
    private final ListAppender<ILoggingEvent> appender = new ListAppender<>();
    private Level previousLevel;
    private ScriptedServer server;
    private SupabaseClient client;

    @BeforeEach
    void start() throws Exception {
        previousLevel = logger.getLevel();
        logger.setLevel(Level.TRACE);
        appender.start();
        logger.addAppender(appender);
        server = new ScriptedServer();
        client = TestClients.client(server);
    }

    @AfterEach
    void stop() {
        client.close();
        server.close();
        logger.detachAppender(appender);
        logger.setLevel(previousLevel);
    }

    @Test
    void noSecretReachesTheLogDuringSignInSignedInCallsAndFailures() {
        // given
        server.enqueue(Scripted.json(200, TestClients.sessionJson("0b0b0b0b-1111-4222-8333-444444444444")),
                Scripted.json(200, "[]"),
                Scripted.json(400, "{\"code\":\"invalid_credentials\",\"message\":\"Invalid login credentials\"}"),
                Scripted.json(200, "{}"));

        // when: sign-in, a signed-in read, a failed sign-in, a request with a token in its query
        client.auth().signInWithPassword("editor@storymimi.test", TestClients.PASSWORD).join();
        client.rest().from("users").select("user_id").limit(1).list(Object.class).join();
        assertThrows(CompletionException.class,
                () -> client.auth().signInWithPassword("editor@storymimi.test", TestClients.PASSWORD).join());
        client.pipeline().send(ApiRequest.of(SupabaseApi.STORAGE, "GET", "/storage/v1/object/sign/b/a.png")
                .withQuery(QueryString.empty().with("token", "signed-url-SECRET-0005"))).join();

        // then
        List<ILoggingEvent> events = appender.list;
        assertFalse(events.isEmpty());
        for (ILoggingEvent event : events) {
            String text = event.getFormattedMessage();
            for (String secret : SECRETS) {
                assertFalse(text.contains(secret), "secret in log line: " + text);
            }
        }
        assertTrue(events.stream().anyMatch(e -> e.getLevel() == Level.DEBUG
                        && e.getFormattedMessage().matches("GET /rest/v1/users\\?select=user_id&limit=1 -> 200 \\(\\d+ ms\\)")),
                "a DEBUG line with method, path, status and time");
        assertTrue(events.stream().anyMatch(e -> e.getLevel() == Level.INFO
                        && e.getFormattedMessage().startsWith("POST /auth/v1/token?grant_type=password -> 400")),
                "failures are logged at INFO");
        assertTrue(events.stream().anyMatch(e -> e.getFormattedMessage().contains("apikey: [REDACTED]")),
                "TRACE shows header names with redacted values");
        assertTrue(events.stream().allMatch(e -> e.getLoggerName().equals("com.storymimi.studio.supabase.http")));
    }

    @Test
    void transportFailureIsLoggedAtInfoWithoutSecrets() throws Exception {
        int closedPort;
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        SupabaseConfig config = new SupabaseConfig(java.net.URI.create("http://127.0.0.1:" + closedPort),
                TestClients.API_KEY, Duration.ofSeconds(2));
        try (SupabaseClient unreachable = SupabaseClient.builder(config).retryPolicy(RetryPolicy.NONE).build()) {
            assertThrows(CompletionException.class,
                    () -> unreachable.rest().from("users").select().list(Object.class).join());
        }

        assertTrue(appender.list.stream().anyMatch(e -> e.getLevel() == Level.INFO
                && e.getFormattedMessage().startsWith("GET /rest/v1/users?select=%2A -> failed: ConnectException")));
        appender.list.forEach(e -> assertFalse(e.getFormattedMessage().contains(TestClients.API_KEY)));
    }

    @Test
    void configToStringHidesTheKey() {
        assertFalse(client.config().toString().contains(TestClients.API_KEY));
    }
}
