package com.storymimi.studio.service;

import com.storymimi.studio.supabase.SupabaseClient;
import com.storymimi.studio.supabase.SupabaseConfig;
import com.storymimi.studio.supabase.rest.Filter;
import org.junit.jupiter.api.Assumptions;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;

/**
 * One of the two servers the service tests run against, with a client signed in as an editor:
 * <ul>
 *   <li>{@link Kind#SANDBOX}: a fresh embedded sandbox on a free port (always runs);</li>
 *   <li>{@link Kind#POSTGREST}: real PostgREST on PostgreSQL with {@code supabase/migrations}, started by
 *       {@code bash contract/real-backend.sh start}; its env ({@code POSTGREST_URL},
 *       {@code POSTGREST_AUTHENTICATED_KEY}) must be exported, otherwise these cases are skipped with that hint.
 *       Its tables are emptied before each test.</li>
 * </ul>
 */
final class ServiceBackend implements AutoCloseable {

    enum Kind { SANDBOX, POSTGREST }

    final Kind kind;
    final SupabaseClient client;
    private final AutoCloseable server;
    private final java.util.function.Supplier<SupabaseClient> anotherEditor;
    private final java.util.List<SupabaseClient> others = new java.util.ArrayList<>();

    private ServiceBackend(Kind kind, SupabaseClient client, AutoCloseable server,
                           java.util.function.Supplier<SupabaseClient> anotherEditor) {
        this.kind = kind;
        this.client = client;
        this.server = server;
        this.anotherEditor = anotherEditor;
    }

    /** A second editor: a client of its own (on the sandbox a session of its own), closed with the backend. */
    SupabaseClient anotherEditor() {
        SupabaseClient other = anotherEditor.get();
        others.add(other);
        return other;
    }

    static ServiceBackend open(Kind kind, Path dataDir) throws IOException {
        return kind == Kind.SANDBOX ? sandbox(dataDir) : postgrest();
    }

    private static ServiceBackend sandbox(Path dataDir) throws IOException {
        SandboxFixture fixture = SandboxFixture.signedIn(dataDir);
        return new ServiceBackend(Kind.SANDBOX, fixture.client, fixture, () -> {
            SupabaseClient other = fixture.anonymousClient();
            other.auth().signInWithPassword(fixture.sandbox.editorEmail(), fixture.sandbox.editorPassword()).join();
            return other;
        });
    }

    private static ServiceBackend postgrest() throws IOException {
        String url = System.getenv("POSTGREST_URL");
        String key = System.getenv("POSTGREST_AUTHENTICATED_KEY");
        Assumptions.assumeTrue(url != null && !url.isBlank() && key != null && !key.isBlank(),
                "real PostgREST not configured: run `bash contract/real-backend.sh start` and export its env "
                        + "(set -a; . contract-backend/env; set +a) to run these cases against it");
        PostgrestRelay relay = PostgrestRelay.to(URI.create(url));
        // No session: the authenticated key itself is the bearer, as supabase-js does with a key and no sign-in.
        SupabaseClient client = SupabaseClient.create(new SupabaseConfig(relay.baseUrl(), key, Duration.ofSeconds(10)));
        emptyTables(client);
        return new ServiceBackend(Kind.POSTGREST, client, relay,
                () -> SupabaseClient.create(new SupabaseConfig(relay.baseUrl(), key, Duration.ofSeconds(10))));
    }

    /** Users cascade to their stories and scenes; stories without a user go separately, and so does the trash. */
    private static void emptyTables(SupabaseClient client) {
        client.rest().from("trash").delete().filter(Filter.isNotNull("trash_id")).execute().join();
        client.rest().from("stories").delete().filter(Filter.isNotNull("story_id")).execute().join();
        client.rest().from("users").delete().filter(Filter.isNotNull("user_id")).execute().join();
    }

    @Override
    public void close() throws Exception {
        others.forEach(SupabaseClient::close);
        if (kind == Kind.POSTGREST) {
            client.close(); // the sandbox fixture closes its own client
        }
        server.close();
    }

    @Override
    public String toString() {
        return kind.name();
    }
}
