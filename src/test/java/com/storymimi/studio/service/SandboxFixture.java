package com.storymimi.studio.service;

import com.storymimi.studio.local.LocalSandbox;
import com.storymimi.studio.local.SandboxOptions;
import com.storymimi.studio.supabase.SupabaseClient;
import com.storymimi.studio.supabase.SupabaseConfig;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;

/**
 * A fresh sandbox on a free port and a Supabase client signed in as its editor: the services under test talk
 * to it over real HTTP, exactly as the app does.
 */
final class SandboxFixture implements AutoCloseable {

    final LocalSandbox sandbox;
    final SupabaseClient client;

    private SandboxFixture(LocalSandbox sandbox, SupabaseClient client) {
        this.sandbox = sandbox;
        this.client = client;
    }

    static SandboxFixture signedIn(Path dataDir) throws IOException {
        LocalSandbox sandbox = LocalSandbox.start(new SandboxOptions(dataDir, 0, false));
        SupabaseClient client = SupabaseClient.create(
                new SupabaseConfig(sandbox.baseUrl(), sandbox.anonKey(), Duration.ofSeconds(10)));
        client.auth().signInWithPassword(sandbox.editorEmail(), sandbox.editorPassword()).join();
        return new SandboxFixture(sandbox, client);
    }

    /** A client that only holds the anon key: what a visitor without a sign-in gets. */
    SupabaseClient anonymousClient() {
        return SupabaseClient.create(new SupabaseConfig(sandbox.baseUrl(), sandbox.anonKey(), Duration.ofSeconds(10)));
    }

    @Override
    public void close() {
        client.close();
        sandbox.close();
    }
}
