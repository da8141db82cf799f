package com.storymimi.studio.app;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/**
 * Where the app keeps its files: configuration (settings, profiles), data (the sandbox) and logs. Follows each
 * platform's convention (XDG on Linux); the system property {@value #HOME_PROPERTY} puts everything under one
 * folder instead (tests, portable installs).
 */
public record AppPaths(Path configDir, Path dataDir, Path logDir) {

    public static final String HOME_PROPERTY = "storymimi.home";
    private static final String APP_DIR = "storymimi-studio";
    private static final String APP_DIR_TITLE = "StoryMimi Studio";

    /** The paths for this process: {@code storymimi.home} if set, else the platform's convention. */
    public static AppPaths detect() {
        return resolve(System.getProperty(HOME_PROPERTY), System.getenv(), System.getProperty("os.name", ""),
                Path.of(System.getProperty("user.home")));
    }

    static AppPaths resolve(String home, Map<String, String> env, String osName, Path userHome) {
        if (home != null && !home.isBlank()) {
            Path root = Path.of(home).toAbsolutePath();
            return new AppPaths(root.resolve("config"), root.resolve("data"), root.resolve("logs"));
        }
        String os = osName.toLowerCase(Locale.ROOT);
        if (os.startsWith("mac")) {
            Path support = userHome.resolve("Library/Application Support").resolve(APP_DIR_TITLE);
            return new AppPaths(support, support.resolve("data"), userHome.resolve("Library/Logs").resolve(APP_DIR_TITLE));
        }
        if (os.startsWith("windows")) {
            Path roaming = dir(env, "APPDATA", userHome.resolve("AppData/Roaming")).resolve(APP_DIR_TITLE);
            Path local = dir(env, "LOCALAPPDATA", userHome.resolve("AppData/Local")).resolve(APP_DIR_TITLE);
            return new AppPaths(roaming, local.resolve("data"), local.resolve("logs"));
        }
        Path config = dir(env, "XDG_CONFIG_HOME", userHome.resolve(".config")).resolve(APP_DIR);
        Path data = dir(env, "XDG_DATA_HOME", userHome.resolve(".local/share")).resolve(APP_DIR);
        Path state = dir(env, "XDG_STATE_HOME", userHome.resolve(".local/state")).resolve(APP_DIR);
        return new AppPaths(config, data, state.resolve("logs"));
    }

    // XDG says a relative value is invalid and must be ignored.
    private static Path dir(Map<String, String> env, String variable, Path fallback) {
        String value = env.get(variable);
        return value != null && !value.isBlank() && Path.of(value).isAbsolute() ? Path.of(value) : fallback;
    }

    public Path settingsFile() {
        return configDir.resolve("settings.json");
    }

    public Path profilesFile() {
        return configDir.resolve("profiles.json");
    }

    /** The local sandbox's workspace: SQLite database, objects, keys. Shared by the app and {@code --serve}. */
    public Path sandboxDir() {
        return dataDir.resolve("sandbox");
    }

    /** Scene texts typed but not yet confirmed by the server, one JSON file per scene. */
    public Path draftsDir() {
        return dataDir.resolve("drafts");
    }

    /** Local copies of scene images and narrations for preview and playback, one folder per profile. */
    public Path mediaCacheDir() {
        return dataDir.resolve("media-cache");
    }

    /** Sessions of Supabase projects (tokens inside: files 0600), one per profile. */
    public Path sessionsDir() {
        return configDir.resolve("sessions");
    }

    /** Creates the three folders; the app cannot run without them. */
    public AppPaths createDirectories() throws IOException {
        Files.createDirectories(configDir);
        Files.createDirectories(dataDir);
        Files.createDirectories(logDir);
        return this;
    }
}
