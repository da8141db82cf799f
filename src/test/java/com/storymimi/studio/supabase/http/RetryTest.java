package com.storymimi.studio.supabase.http;

import com.storymimi.studio.supabase.SupabaseClient;
import com.storymimi.studio.supabase.error.RestException;
import com.storymimi.studio.supabase.error.SupabaseException;
import com.storymimi.studio.supabase.testing.ScriptedServer;
import com.storymimi.studio.supabase.testing.ScriptedServerTest;
import com.storymimi.studio.supabase.testing.ScriptedServer.Scripted;
import com.storymimi.studio.supabase.testing.TestClients;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletionException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Only reads are retried, only on transport errors and 503/520, at most three tries in all. */
class RetryTest extends ScriptedServerTest {

    private int failedStatus(Runnable call) {
        CompletionException thrown = assertThrows(CompletionException.class, call::run);
        return SupabaseException.unwrap(thrown).orElseThrow().status();
    }

    @Test
    void getAnswered503ThenOkIsRetriedAndSucceeds() {
        server.enqueue(Scripted.json(503, "{\"code\":\"PGRST002\",\"message\":\"schema cache\"}"), Scripted.json(200, "[1]"));

        List<Integer> rows = client.rest().from("users").select().list(Integer.class).join().body();

        assertEquals(List.of(1), rows);
        assertEquals(2, server.requests().size());
        assertNull(server.request(0).header("X-Retry-Count"));
        assertEquals("1", server.request(1).header("X-Retry-Count"));
    }

    @Test
    void getAnswered520IsRetriedToo() {
        server.enqueue(Scripted.status(520), Scripted.json(200, "[]"));

        client.rest().from("users").select().list(Integer.class).join();

        assertEquals(2, server.requests().size());
    }

    @Test
    void postAnswered503IsNotRetried() {
        server.enqueue(Scripted.status(503), Scripted.json(200, "[]"));

        int status = failedStatus(() -> client.rest().rpc("search_stories", Map.of()).execute().join());

        assertEquals(503, status);
        assertEquals(1, server.requests().size());
    }

    @Test
    void getThatKeepsFailingGivesUpAfterThreeTries() {
        server.enqueue(Scripted.status(503), Scripted.status(503), Scripted.status(503), Scripted.json(200, "[]"));

        int status = failedStatus(() -> client.rest().from("users").select().list(Integer.class).join());

        assertEquals(503, status);
        assertEquals(3, server.requests().size());
    }

    @Test
    void otherServerErrorsAreNotRetried() {
        server.enqueue(Scripted.status(500), Scripted.json(200, "[]"));

        assertEquals(500, failedStatus(() -> client.rest().from("users").select().list(Integer.class).join()));
        assertEquals(1, server.requests().size());
    }

    @Test
    void timedOutGetIsRetried() {
        server.enqueue(Scripted.json(200, "[1]").delayed(Duration.ofSeconds(2)), Scripted.json(200, "[2]"));
        try (SupabaseClient impatient = TestClients.client(server, Duration.ofMillis(300), RetryPolicy.DEFAULT)) {

            List<Integer> rows = impatient.rest().from("users").select().list(Integer.class).join().body();

            assertEquals(List.of(2), rows);
            assertEquals(2, server.requests().size());
        }
    }

    @Test
    void retryAfterIsHonoured() {
        server.enqueue(Scripted.status(503).header("Retry-After", "1"), Scripted.json(200, "[]"));
        long started = System.nanoTime();

        client.rest().from("users").select().list(Integer.class).join();

        long elapsedMillis = (System.nanoTime() - started) / 1_000_000;
        assertTrue(elapsedMillis >= 950, "waited only " + elapsedMillis + " ms");
        assertEquals(2, server.requests().size());
    }

    @Test
    void retryAfterLongerThanTheLimitEndsTheRetries() {
        server.enqueue(Scripted.status(503).header("Retry-After", "3600"), Scripted.json(200, "[]"));

        assertEquals(503, failedStatus(() -> client.rest().from("users").select().list(Integer.class).join()));
        assertEquals(1, server.requests().size());
    }

    @Test
    void retryAfterParsesSecondsAndHttpDates() {
        assertEquals(Optional.of(Duration.ofSeconds(5)), RetryInterceptor.parseRetryAfter(" 5 "));
        assertEquals(Optional.of(Duration.ZERO), RetryInterceptor.parseRetryAfter("Wed, 21 Oct 2015 07:28:00 GMT"));
        assertEquals(Optional.empty(), RetryInterceptor.parseRetryAfter("soon"));
    }

    @Test
    void backoffDoublesFromTheBaseDelay() {
        assertEquals(Duration.ofMillis(200), RetryPolicy.DEFAULT.backoff(1));
        assertEquals(Duration.ofMillis(400), RetryPolicy.DEFAULT.backoff(2));
    }

    @Test
    void exhaustedRetriesReportTheLastAnswer() {
        server.enqueue(Scripted.status(503), Scripted.status(503),
                Scripted.json(503, "{\"code\":\"PGRST001\",\"message\":\"db down\"}"));

        CompletionException thrown = assertThrows(CompletionException.class,
                () -> client.rest().from("users").select().list(Integer.class).join());

        assertEquals("PGRST001", ((RestException) SupabaseException.unwrap(thrown).orElseThrow()).code());
    }
}
