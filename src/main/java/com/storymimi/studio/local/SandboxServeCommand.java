package com.storymimi.studio.local;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

/**
 * {@code --serve}: runs the sandbox on its own so curl, supabase-js or a second Studio can use it. This is
 * the one place that prints keys and the editor password: the user asked for them.
 *
 * <p>The system property {@value #MAX_OBJECT_MB_PROPERTY} (a whole number of MiB, e.g.
 * {@code -Dstorymimi.sandbox.maxObjectMb=256}) raises or lowers the global object size limit, which is a
 * project setting on Supabase (50 MiB by default, as in the Supabase CLI). A bucket's own limit still applies.
 */
public final class SandboxServeCommand {

    /** System property: the global object size limit in MiB. */
    public static final String MAX_OBJECT_MB_PROPERTY = "storymimi.sandbox.maxObjectMb";

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
            long maxObjectBytes = maxObjectBytes(System.getProperty(MAX_OBJECT_MB_PROPERTY));
            sandbox = LocalSandbox.start(new SandboxOptions(dataDir, port, true, maxObjectBytes));
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
        out.println("  max object size:  " + sandbox.maxObjectBytes() / (1024 * 1024) + " MiB");
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

    /** The limit in bytes from the property's MiB value; the 50 MiB default when it is absent or blank. */
    static long maxObjectBytes(String megabytes) {
        if (megabytes == null || megabytes.isBlank()) {
            return SandboxOptions.DEFAULT_MAX_OBJECT_BYTES;
        }
        try {
            long mb = Long.parseLong(megabytes.strip());
            if (mb <= 0 || mb > Long.MAX_VALUE / (1024 * 1024)) {
                throw new NumberFormatException();
            }
            return mb * 1024 * 1024;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(MAX_OBJECT_MB_PROPERTY + " must be a positive whole number of MiB, was \""
                    + megabytes + "\"");
        }
    }
}
