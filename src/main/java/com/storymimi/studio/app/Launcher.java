package com.storymimi.studio.app;

import com.storymimi.studio.local.SandboxServeCommand;
import javafx.application.Application;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The main class. It must not touch a logger before the log folder is known: logback reads
 * {@code storymimi.logdir} once, when the first logger is created.
 */
public final class Launcher {

    public static final String LOG_DIR_PROPERTY = "storymimi.logdir";
    private static final int DEFAULT_SERVE_PORT = 54321;

    private Launcher() {
    }

    public static void main(String[] args) {
        try {
            run(args);
        } catch (Exception | Error e) {
            // Before the window exists there is nobody to show a dialog to: one sentence on stderr, the details
            // in the log when it could be opened, else on stderr too.
            System.err.println(startFailureMessage(e));
            if (System.getProperty(LOG_DIR_PROPERTY) != null) {
                LoggerFactory.getLogger(Launcher.class).error("StoryMimi Studio could not start", e);
            } else {
                e.printStackTrace();
            }
            System.exit(1);
        }
    }

    private static void run(String[] args) throws IOException {
        AppPaths paths = AppPaths.detect().createDirectories();
        if (System.getProperty(LOG_DIR_PROPERTY) == null) {
            System.setProperty(LOG_DIR_PROPERTY, paths.logDir().toString());
        }
        if (args.length > 0 && args[0].equals("--serve")) {
            serveMaxObjectMb(args).ifPresent(mb ->
                    System.setProperty(SandboxServeCommand.MAX_OBJECT_MB_PROPERTY, Integer.toString(mb)));
            serve(paths.sandboxDir(), servePort(args), System.out);
            return;
        }
        if (args.length > 0 && (args[0].equals("--export") || args[0].equals("--import"))) {
            System.exit(new BundleCommand(paths, System.getenv(), System.out, System.err).run(args));
            return;
        }
        Application.launch(StudioApp.class, args);
    }

    /** What the user reads when the app cannot start: what happened, and what to do. */
    static String startFailureMessage(Throwable failure) {
        String reason = failure.getMessage() == null ? failure.getClass().getSimpleName() : failure.getMessage();
        if (failure instanceof IOException) {
            return "StoryMimi Studio could not start: it cannot write its folders (" + reason
                    + "). Check that your home folder is writable, or set -Dstorymimi.home to a writable folder.";
        }
        if (reason.contains("DISPLAY")) {
            return "StoryMimi Studio could not open its window (" + reason + "). Start it from a desktop session.";
        }
        return "StoryMimi Studio could not start: " + reason + ". The log folder holds the details.";
    }

    static int servePort(String[] args) {
        return option(args, "--port").map(value -> number(value, "--port", 0, 65535)).orElse(DEFAULT_SERVE_PORT);
    }

    /** {@code --max-object-mb N}: the sandbox's global upload limit (the Supabase CLI's 50 MiB by default). */
    static OptionalInt serveMaxObjectMb(String[] args) {
        return option(args, "--max-object-mb")
                .map(value -> OptionalInt.of(number(value, "--max-object-mb", 1, 1 << 20)))
                .orElse(OptionalInt.empty());
    }

    private static Optional<String> option(String[] args, String name) {
        for (int i = 1; i < args.length; i++) {
            if (args[i].equals(name)) {
                if (i + 1 >= args.length) {
                    throw new IllegalArgumentException(name + " needs a number, e.g. " + name + " 100");
                }
                return Optional.of(args[i + 1]);
            }
        }
        return Optional.empty();
    }

    private static int number(String value, String name, int min, int max) {
        try {
            int number = Integer.parseInt(value);
            if (number < min || number > max) {
                throw new NumberFormatException();
            }
            return number;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " needs a number from " + min + " to " + max + ", not " + value);
        }
    }

    private static void serve(Path dataDir, int port, PrintStream out) {
        System.exit(SandboxServeCommand.run(dataDir, port, out));
    }
}
