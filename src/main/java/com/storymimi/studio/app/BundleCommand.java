package com.storymimi.studio.app;

import com.storymimi.studio.model.ConnectionProfile;
import com.storymimi.studio.model.Credentials;
import com.storymimi.studio.service.ServiceFailures;
import com.storymimi.studio.service.bundle.BundleService;
import com.storymimi.studio.service.bundle.BundleService.OnExisting;
import com.storymimi.studio.service.bundle.BundleService.Report;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Consumer;

/**
 * {@code ./studio export} and {@code ./studio import}: the app's bundle engine from a terminal, for operators.
 * <pre>
 *   --export --out FILE [--profile ID] STORY_ID...
 *   --import FILE [--on-existing skip|replace|copy] [--profile ID]
 * </pre>
 * The profile is the local sandbox unless {@code --profile} names a saved one (or {@code supabase-environment} for
 * {@code SUPABASE_URL}/{@code SUPABASE_ANON_KEY}); a Supabase project signs in with {@code STORYMIMI_EMAIL} and
 * {@code STORYMIMI_PASSWORD} from the environment, never from the command line. Exit status 0 when done, 1 with one
 * sentence on stderr when it could not be done (details in the log), 2 for a wrong command line.
 */
final class BundleCommand {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(BundleCommand.class);

    static final String EMAIL_VARIABLE = "STORYMIMI_EMAIL";
    static final String PASSWORD_VARIABLE = "STORYMIMI_PASSWORD";
    /** Where the person ran {@code ./studio} (the script changes to its own folder): relative paths mean there. */
    static final String CALLER_DIR_VARIABLE = "STORYMIMI_CALLER_DIR";

    private final AppPaths paths;
    private final Map<String, String> env;
    private final PrintStream out;
    private final PrintStream err;

    BundleCommand(AppPaths paths, Map<String, String> env, PrintStream out, PrintStream err) {
        this.paths = paths;
        this.env = Map.copyOf(env);
        this.out = out;
        this.err = err;
    }

    /** Runs {@code args} (starting with --export or --import); returns the exit status. */
    int run(String[] args) {
        Arguments parsed;
        try {
            parsed = Arguments.parse(args, Path.of(env.getOrDefault(CALLER_DIR_VARIABLE, "")));
        } catch (IllegalArgumentException e) {
            err.println("studio: " + e.getMessage());
            err.println("usage: ./studio export --out FILE [--profile ID] STORY_ID...");
            err.println("       ./studio import FILE [--on-existing skip|replace|copy] [--profile ID]");
            return 2;
        }
        ConnectionProfile profile;
        try {
            profile = profile(parsed.profile());
        } catch (IllegalArgumentException e) {
            err.println("studio: " + e.getMessage());
            return 2;
        }
        var factory = new SupabaseBackendFactory(paths.sandboxDir(), paths.mediaCacheDir(), paths.sessionsDir(),
                (project, wrongBefore) -> CompletableFuture.completedFuture(wrongBefore ? Optional.empty() : credentials()),
                java.time.Clock.systemUTC());
        try (Backend backend = factory.open(profile)) {
            BundleService bundles = backend.bundles();
            Consumer<BundleService.Progress> progress = p -> out.printf(Locale.ROOT, "%d/%d files · %s%n",
                    p.filesDone(), p.filesTotal(), p.current());
            if (parsed.export()) {
                Report report = bundles.export(parsed.stories(), parsed.file(), progress).join();
                out.printf(Locale.ROOT, "Exported %d %s (%d scenes, %d files, %s) to %s.%n", report.stories(),
                        report.stories() == 1 ? "story" : "stories", report.scenes(), report.files(),
                        size(report.bytes()), parsed.file());
                report.notes().forEach(note -> out.println("Note: " + note + "."));
            } else {
                Report report = bundles.importBundle(parsed.file(), parsed.onExisting(), progress).join();
                out.printf(Locale.ROOT, "Imported %d %s (%d scenes, %d files) into %s.%n", report.stories(),
                        report.stories() == 1 ? "story" : "stories", report.scenes(), report.files(), profile.name());
                report.skipped().forEach(title -> out.println("Skipped “" + title + "”: it is there already "
                        + "(--on-existing replace or copy to import it anyway)."));
                report.notes().forEach(note -> out.println("Note: " + note + "."));
            }
            return 0;
        } catch (CompletionException e) {
            String message = ServiceFailures.translate(e).getMessage();
            err.println("studio: " + sentence(message));
            LOG.warn("bundle command failed: {}", message);
            LOG.debug("bundle command failure", e);
            return 1;
        } catch (Exception e) {
            err.println("studio: could not open " + profile.name() + ": " + e.getMessage());
            LOG.warn("bundle command could not open {}", profile.name(), e);
            return 1;
        }
    }

    private ConnectionProfile profile(String id) {
        if (id == null || id.equals(ConnectionProfile.LOCAL_SANDBOX_ID)) {
            return ConnectionProfile.localSandbox("the local sandbox");
        }
        List<ConnectionProfile> known = new ArrayList<>(new ProfileStore(paths.profilesFile(), Runnable::run,
                "the local sandbox").load());
        ProfileStore.environmentProfile(env, "the SUPABASE_URL project").ifPresent(known::add);
        return known.stream().filter(profile -> profile.id().equals(id)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no profile " + id + " (known: "
                        + String.join(", ", known.stream().map(ConnectionProfile::id).toList()) + ")"));
    }

    private Optional<Credentials> credentials() {
        String email = env.get(EMAIL_VARIABLE);
        String password = env.get(PASSWORD_VARIABLE);
        if (email == null || email.isBlank() || password == null || password.isEmpty()) {
            err.println("studio: set " + EMAIL_VARIABLE + " and " + PASSWORD_VARIABLE + " to sign in to this project");
            return Optional.empty();
        }
        return Optional.of(new Credentials(email.strip(), password));
    }

    private static String sentence(String message) {
        String text = message == null ? "it could not be done" : message;
        return text.endsWith(".") ? text : text + ".";
    }

    private static String size(long bytes) {
        return bytes < 1024 * 1024 ? String.format(Locale.ROOT, "%.1f KB", bytes / 1024.0)
                : String.format(Locale.ROOT, "%.1f MB", bytes / (1024.0 * 1024));
    }

    /** The command line, checked. */
    record Arguments(boolean export, Path file, List<UUID> stories, OnExisting onExisting, String profile) {

        static Arguments parse(String[] args, Path callerDir) {
            if (args.length == 0 || !(args[0].equals("--export") || args[0].equals("--import"))) {
                throw new IllegalArgumentException("expected --export or --import");
            }
            boolean export = args[0].equals("--export");
            Path file = null;
            String profile = null;
            OnExisting onExisting = OnExisting.SKIP;
            List<UUID> stories = new ArrayList<>();
            for (int i = 1; i < args.length; i++) {
                String arg = args[i];
                switch (arg) {
                    case "--out" -> file = callerDir.resolve(value(args, ++i, arg));
                    case "--profile" -> profile = value(args, ++i, arg);
                    case "--on-existing" -> {
                        String choice = value(args, ++i, arg);
                        try {
                            onExisting = OnExisting.valueOf(choice.toUpperCase(Locale.ROOT));
                        } catch (IllegalArgumentException e) {
                            throw new IllegalArgumentException("--on-existing is skip, replace or copy, not " + choice);
                        }
                    }
                    default -> {
                        if (arg.startsWith("--")) {
                            throw new IllegalArgumentException("unknown option " + arg);
                        }
                        if (export) {
                            try {
                                stories.add(UUID.fromString(arg));
                            } catch (IllegalArgumentException e) {
                                throw new IllegalArgumentException("not a story id: " + arg);
                            }
                        } else if (file == null) {
                            file = callerDir.resolve(arg);
                        } else {
                            throw new IllegalArgumentException("one bundle at a time: " + arg);
                        }
                    }
                }
            }
            if (file == null) {
                throw new IllegalArgumentException(export ? "--out FILE is missing" : "the bundle to import is missing");
            }
            if (export && stories.isEmpty()) {
                throw new IllegalArgumentException("name at least one story id to export");
            }
            return new Arguments(export, file, List.copyOf(stories), onExisting, profile);
        }

        private static String value(String[] args, int index, String option) {
            if (index >= args.length) {
                throw new IllegalArgumentException(option + " needs a value");
            }
            return args[index];
        }
    }
}
