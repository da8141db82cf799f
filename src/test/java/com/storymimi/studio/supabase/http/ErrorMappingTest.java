package com.storymimi.studio.supabase.http;

import com.storymimi.studio.supabase.SupabaseClient;
import com.storymimi.studio.supabase.SupabaseConfig;
import com.storymimi.studio.supabase.error.AuthException;
import com.storymimi.studio.supabase.error.RestException;
import com.storymimi.studio.supabase.error.StorageException;
import com.storymimi.studio.supabase.error.SupabaseException;
import com.storymimi.studio.supabase.error.TransportException;
import com.storymimi.studio.supabase.testing.ScriptedServer;
import com.storymimi.studio.supabase.testing.ScriptedServerTest;
import com.storymimi.studio.supabase.testing.ScriptedServer.Scripted;
import com.storymimi.studio.supabase.testing.TestClients;
import org.junit.jupiter.api.Test;

import java.net.ConnectException;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every non-2xx answer and every transport failure turns into the right {@link SupabaseException} subtype. */
class ErrorMappingTest extends ScriptedServerTest {

    private static <T> SupabaseException failureOf(CompletableFuture<T> future) {
        CompletionException thrown = assertThrows(CompletionException.class, future::join);
        SupabaseException error = SupabaseException.unwrap(thrown).orElseThrow();
        assertFalse(error.getMessage().contains(TestClients.API_KEY), error.getMessage());
        return error;
    }

    @Test
    void postgrestUniqueViolationBecomesRestExceptionWithCodeAndDetails() {
        server.enqueue(Scripted.json(409, """
                {"code":"23505","details":"Key (email)=(a@b.c) already exists.","hint":null,
                 "message":"duplicate key value violates unique constraint \\"users_email_key\\""}"""));

        SupabaseException error = failureOf(client.rest().from("users").insert(Map.of("email", "a@b.c")).execute());

        RestException rest = assertInstanceOf(RestException.class, error);
        assertEquals(409, rest.status());
        assertEquals("23505", rest.code());
        assertEquals("Key (email)=(a@b.c) already exists.", rest.details());
        assertNull(rest.hint());
        assertEquals("duplicate key value violates unique constraint \"users_email_key\"", rest.message());
    }

    @Test
    void arrayDetailsAreKeptAsJsonText() {
        server.enqueue(Scripted.json(300, """
                {"code":"PGRST201","details":[{"cardinality":"many-to-one"}],"hint":"Try changing 'users'",
                 "message":"Could not embed because more than one relationship was found"}"""));

        RestException rest = (RestException) failureOf(client.rest().rpc("f", Map.of()).execute());

        assertEquals("[{\"cardinality\":\"many-to-one\"}]", rest.details());
        assertEquals("Try changing 'users'", rest.hint());
    }

    @Test
    void nonJsonErrorPageKeepsTheStatus() {
        server.enqueue(new Scripted(502, Map.of("Content-Type", "text/html"), "<html>Bad gateway</html>", Duration.ZERO));

        RestException rest = (RestException) failureOf(client.rest().rpc("f", Map.of()).execute());

        assertEquals(502, rest.status());
        assertNull(rest.code());
        assertTrue(rest.getMessage().contains("502"), rest.getMessage());
    }

    @Test
    void goTrueCurrentShapeBecomesAuthException() {
        server.enqueue(Scripted.json(400, "{\"code\":\"invalid_credentials\",\"message\":\"Invalid login credentials\"}"));

        AuthException auth = (AuthException) failureOf(
                client.auth().signInWithPassword("a@b.c", TestClients.PASSWORD));

        assertEquals(400, auth.status());
        assertEquals("invalid_credentials", auth.code());
        assertEquals("Invalid login credentials", auth.message());
    }

    @Test
    void goTrueLegacyShapeTakesErrorCodeAndMsg() {
        server.enqueue(Scripted.json(400,
                "{\"code\":400,\"error_code\":\"invalid_credentials\",\"msg\":\"Invalid login credentials\"}"));

        AuthException auth = (AuthException) failureOf(
                client.auth().signInWithPassword("a@b.c", TestClients.PASSWORD));

        assertEquals("invalid_credentials", auth.code());
        assertEquals("Invalid login credentials", auth.message());
    }

    @Test
    void goTrueOAuthShapeTakesErrorAndDescription() {
        server.enqueue(Scripted.json(400,
                "{\"error\":\"invalid_grant\",\"error_description\":\"Invalid Refresh Token\"}"));

        AuthException auth = (AuthException) failureOf(
                client.auth().signInWithPassword("a@b.c", TestClients.PASSWORD));

        assertEquals("invalid_grant", auth.code());
        assertEquals("Invalid Refresh Token", auth.message());
    }

    @Test
    void storageSemanticStatusComesFromTheBodyNotTheHttpStatus() {
        server.enqueue(Scripted.json(400,
                "{\"statusCode\":\"404\",\"error\":\"not_found\",\"message\":\"Object not found\",\"code\":\"NoSuchKey\"}"));

        SupabaseException error = failureOf(client.pipeline().send(
                ApiRequest.of(SupabaseApi.STORAGE, "GET", "/storage/v1/object/story-images/a.png")));

        StorageException storage = assertInstanceOf(StorageException.class, error);
        assertEquals(400, storage.status());
        assertEquals("404", storage.statusCode());
        assertEquals("NoSuchKey", storage.code());
        assertEquals("not_found", storage.error());
        assertEquals("Object not found", storage.message());
    }

    @Test
    void bareStorage413FallsBackToTheHttpStatus() {
        server.enqueue(Scripted.status(413));

        StorageException storage = (StorageException) failureOf(client.pipeline().send(
                ApiRequest.of(SupabaseApi.STORAGE, "POST", "/storage/v1/object/story-images/a.png")));

        assertEquals("413", storage.statusCode());
    }

    @Test
    void connectionRefusedIsTransportException() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        SupabaseConfig config = new SupabaseConfig(URI.create("http://127.0.0.1:" + closedPort),
                TestClients.API_KEY, Duration.ofSeconds(2));
        try (SupabaseClient unreachable = SupabaseClient.builder(config).retryPolicy(RetryPolicy.NONE).build()) {

            SupabaseException error = failureOf(unreachable.rest().from("users").select().list(Object.class));

            TransportException transport = assertInstanceOf(TransportException.class, error);
            assertEquals(0, transport.status());
            assertFalse(transport.isTimeout());
            assertInstanceOf(ConnectException.class, transport.getCause());
        }
    }

    @Test
    void slowServerIsTransportTimeout() {
        server.enqueue(Scripted.json(200, "[]").delayed(Duration.ofSeconds(2)));
        try (SupabaseClient impatient = TestClients.client(server, Duration.ofMillis(300), RetryPolicy.NONE)) {

            SupabaseException error = failureOf(impatient.rest().from("users").select().list(Object.class));

            assertTrue(assertInstanceOf(TransportException.class, error).isTimeout());
        }
    }

    @Test
    void unwrapFindsTheFailureHoweverTheFutureWasJoined() {
        RestException error = new RestException(400, "22P02", "bad uuid", null, null);

        assertSame(error, SupabaseException.unwrap(error).orElseThrow());
        assertSame(error, SupabaseException.unwrap(new CompletionException(error)).orElseThrow());
        assertSame(error, SupabaseException.unwrap(new ExecutionException(new CompletionException(error))).orElseThrow());
        assertEquals(Optional.empty(), SupabaseException.unwrap(new IllegalStateException(error)));
        assertEquals(Optional.empty(), SupabaseException.unwrap(null));
    }
}
