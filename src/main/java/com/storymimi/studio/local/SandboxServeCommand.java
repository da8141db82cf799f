package com.storymimi.studio.local;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

/**
 * {@code --serve}: runs the sandbox on its own so curl, supabase-js or a second Studio can use it. This is
 * the one place that prints keys and the editor password: the user asked for them.
 */
public final class SandboxServeCommand {

    private SandboxServeCommand() {
    }

    /**
     * Serves until the process is stopped (Ctrl-C, SIGTERM: a shutdown hook closes the sandbox cleanly), so it
     * also works in the background with no terminal attached. Returns the exit code when it cannot start.
     */
    public static int run(Path dataDir, int port, PrintStream out) {
        return run(dataDir, port, out, new CountDownLatch(1));
    }

    /** Serves until {@code stop} opens (tests) or the process is stopped. */
    static int run(Path dataDir, int port, PrintStream out, CountDownLatch stop) {
        LocalSandbox sandbox;
        try {
            sandbox = LocalSandbox.start(new SandboxOptions(dataDir, port, true));
        } catch (IOException | RuntimeException e) {
            out.println("The local sandbox could not start: " + e.getMessage());
            return 1;
        }
        Thread closer = new Thread(sandbox::close, "sandbox-shutdown");
        Runtime.getRuntime().addShutdownHook(closer);
        out.println("StoryMimi local sandbox is running.");
        out.println("  URL:              " + sandbox.baseUrl());
        out.println("  anon key:         " + sandbox.anonKey());
        out.println("  service_role key: " + sandbox.serviceRoleKey());
        out.println("  editor e-mail:    " + sandbox.editorEmail());
        out.println("  editor password:  " + sandbox.editorPassword());
        out.println("  data directory:   " + dataDir.toAbsolutePath());
        out.println("Press Ctrl-C to stop.");
        out.flush();
        try {
            stop.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try {
            Runtime.getRuntime().removeShutdownHook(closer);
        } catch (IllegalStateException shuttingDown) {
            return 0; // the hook closes the sandbox
        }
        sandbox.close();
        out.println("Local sandbox stopped.");
        return 0;
    }
}
