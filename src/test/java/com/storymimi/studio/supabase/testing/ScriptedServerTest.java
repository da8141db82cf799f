package com.storymimi.studio.supabase.testing;

import com.storymimi.studio.supabase.SupabaseClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/** Base of the client tests that script a server: a fresh server and a client pointed at it for every test. */
public abstract class ScriptedServerTest {

    protected ScriptedServer server;
    protected SupabaseClient client;

    @BeforeEach
    void startScriptedServer() throws Exception {
        server = new ScriptedServer();
        client = TestClients.client(server);
    }

    @AfterEach
    void stopScriptedServer() {
        client.close();
        server.close();
    }
}
