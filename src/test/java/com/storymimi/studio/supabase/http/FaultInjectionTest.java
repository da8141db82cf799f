package com.storymimi.studio.supabase.http;

import com.storymimi.studio.supabase.SupabaseClient;
import com.storymimi.studio.supabase.SupabaseConfig;
import com.storymimi.studio.supabase.error.SupabaseException;
import com.storymimi.studio.supabase.error.TransportException;
import com.storymimi.studio.supabase.storage.UploadOptions;
import com.storymimi.studio.supabase.testing.FaultProxy;
import com.storymimi.studio.supabase.testing.FaultProxy.Fault;
import com.storymimi.studio.supabase.testing.ScriptedServer;
import com.storymimi.studio.supabase.testing.ScriptedServer.Scripted;
import com.storymimi.studio.supabase.testing.TestClients;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Real connection faults between client and server: retries happen only where repeating is safe, nothing
 * unsafe is sent twice, and cancelling a call aborts its exchange.
 */
class FaultInjectionTest {

    @TempDir
    Path dir;
    private ScriptedServer server;
    private FaultProxy proxy;
    private SupabaseClient client;

    @BeforeEach
    void start() throws Exception {
        server = new ScriptedServer();
        proxy = new FaultProxy(server);
        client = SupabaseClient.builder(new SupabaseConfig(proxy.uri(), TestClients.API_KEY, Duration.ofSeconds(5)))
                .retryPolicy(new RetryPolicy(3, Duration.ofMillis(50), Duration.ofSeconds(1))).build();
    }

    @AfterEach
    void stop() throws Exception {
        client.close();
        proxy.close();
        server.close();
    }

    @Test
    void insertWhoseAnswerIsCutIsNotSentAgain() {
        proxy.inject(Fault.CUT_RESPONSE);
        server.enqueue(Scripted.status(201), Scripted.status(201));

        CompletionException thrown = assertThrows(CompletionException.class,
                () -> client.rest().from("users").insert(Map.of("username", "anna")).execute().join());

        assertInstanceOf(TransportException.class, SupabaseException.unwrap(thrown).orElseThrow());
        assertEquals(1, server.requests().size(), "the server applied the insert exactly once");
    }

    @Test
    void readWhoseAnswerIsCutIsRetried() {
        proxy.inject(Fault.CUT_RESPONSE);
        server.enqueue(Scripted.json(200, "[1]"), Scripted.json(200, "[2]"));

        List<Integer> rows = client.rest().from("users").select().list(Integer.class).join().body();

        assertEquals(List.of(2), rows);
        assertEquals(2, server.requests().size()); // repeated by the pipeline or by the JDK, both fine for a read
    }

    @Test
    void putByKeyIsRetriedWithTheWholeFileAgain() throws Exception {
        Path file = Files.write(dir.resolve("a.png"), new byte[] {(byte) 0x89, 'P', 'N', 'G', 9, 8, 7});
        proxy.inject(Fault.CUT_RESPONSE);
        server.enqueue(Scripted.json(200, "{\"Key\":\"story-images/a.png\"}"), Scripted.json(200, "{\"Key\":\"story-images/a.png\"}"));

        client.storage().from("story-images").update("a.png", file, UploadOptions.defaults()).join();

        assertEquals(2, server.requests().size());
        assertArrayEquals(Files.readAllBytes(file), server.request(1).bytes());
    }

    @Test
    void postMarkedIdempotentIsRetriedAndUnmarkedIsNot() {
        proxy.inject(Fault.CUT_RESPONSE, Fault.PASS, Fault.ANSWER_503);
        server.enqueue(Scripted.status(201), Scripted.status(201));
        ApiRequest insert = ApiRequest.of(SupabaseApi.REST, "POST", "/rest/v1/users")
                .withHeader("Prefer", "resolution=ignore-duplicates")
                .withJsonBody("{\"user_id\":\"0b0b0b0b-1111-4222-8333-444444444444\"}");

        client.pipeline().send(insert.idempotent()).join();
        assertEquals(2, server.requests().size(), "the marked insert was repeated");

        CompletionException thrown = assertThrows(CompletionException.class, () -> freshClientSend(insert));
        assertEquals(503, SupabaseException.unwrap(thrown).orElseThrow().status());
        assertEquals(2, server.requests().size(), "the unmarked insert was not repeated after a 503");
    }

    private void freshClientSend(ApiRequest request) {
        try (SupabaseClient other = SupabaseClient.builder(new SupabaseConfig(proxy.uri(), TestClients.API_KEY))
                .retryPolicy(new RetryPolicy(3, Duration.ofMillis(50), Duration.ofSeconds(1))).build()) {
            other.pipeline().send(request).join();
        }
    }

    @Test
    void deleteAnswered503IsRetried() {
        proxy.inject(Fault.ANSWER_503);
        server.enqueue(Scripted.json(200, "[]"));

        client.storage().from("story-images").remove(List.of("a.png")).join();

        assertEquals(1, server.requests().size());
        assertEquals(2, proxy.connections());
    }

    @Test
    void cancellingACallAbortsItsExchangeAndStopsRetries() throws Exception {
        proxy.inject(Fault.STALL);
        CompletableFuture<?> call = client.rest().from("users").select().list(Integer.class);
        assertTrue(proxy.stalledRequestArrived().await(5, TimeUnit.SECONDS));

        call.cancel(true);

        assertTrue(proxy.stalledClientLeft().await(3, TimeUnit.SECONDS), "the connection was not closed");
        Thread.sleep(300);
        assertEquals(1, proxy.connections(), "no retry after cancelling");
        assertTrue(server.requests().isEmpty());
    }
}
