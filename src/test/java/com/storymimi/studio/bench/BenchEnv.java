package com.storymimi.studio.bench;

import com.storymimi.studio.supabase.SupabaseClient;
import com.storymimi.studio.supabase.SupabaseConfig;

import java.net.URI;
import java.time.Duration;

/**
 * What the benchmark mains read from the environment that {@code bench/run-client-bench.sh} sets after starting
 * a sandbox: its URL, keys and the editor's sign-in. Keys never reach the output.
 */
record BenchEnv(URI url, String anonKey, String serviceKey, String editorEmail, String editorPassword) {

    static BenchEnv fromEnvironment() {
        return new BenchEnv(URI.create(require("SANDBOX_URL")), require("SANDBOX_ANON_KEY"),
                require("SANDBOX_SERVICE_KEY"), require("SANDBOX_EDITOR_EMAIL"), require("SANDBOX_EDITOR_PASSWORD"));
    }

    /** A client as the app builds one (its own HTTP/1.1 HttpClient), with the anon key: sign in for more. */
    SupabaseClient anonClient() {
        return SupabaseClient.create(new SupabaseConfig(url, anonKey, Duration.ofMinutes(5)));
    }

    /** A client whose key is the service_role key: bypasses row-level security (seeding, bench buckets). */
    SupabaseClient serviceClient() {
        return SupabaseClient.create(new SupabaseConfig(url, serviceKey, Duration.ofMinutes(5)));
    }

    private static String require(String name) {
        String value = System.getenv(name);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException(name + " is not set; run bench/run-client-bench.sh");
        }
        return value;
    }
}
