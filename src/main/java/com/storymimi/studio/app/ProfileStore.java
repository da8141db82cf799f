package com.storymimi.studio.app;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.storymimi.studio.model.ConnectionProfile;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

/**
 * The saved connection profiles in {@code profiles.json} (owner-only, 0600: it holds anon keys). The local
 * sandbox profile is always there and always first.
 */
public final class ProfileStore {

    private static final Logger LOG = LoggerFactory.getLogger(ProfileStore.class);

    public static final String ENVIRONMENT_PROFILE_ID = "supabase-environment";
    static final String URL_VARIABLE = "SUPABASE_URL";
    static final String KEY_VARIABLE = "SUPABASE_ANON_KEY";

    private final JsonFile file;
    private final Executor io;
    private final String sandboxName;

    /** The file's shape; a version lets a later release migrate it. */
    private record ProfilesFile(int version, List<ConnectionProfile> profiles) {
    }

    public ProfileStore(Path path, Executor io, String sandboxName) {
        Gson gson = new GsonBuilder().setPrettyPrinting().create();
        this.file = new JsonFile(path, gson, true);
        this.io = Objects.requireNonNull(io, "io");
        this.sandboxName = Objects.requireNonNull(sandboxName, "sandboxName");
    }

    /**
     * Reads the profiles (on the calling thread; done once at start). Gson builds each profile through the
     * record's constructor, so a broken entry makes the file unreadable: it is then kept as .bak.
     */
    public List<ConnectionProfile> load() {
        List<ConnectionProfile> saved = file.<ProfilesFile>read(ProfilesFile.class)
                .map(ProfilesFile::profiles)
                .orElse(List.of());
        return withSandboxFirst(saved == null ? List.of() : saved.stream().filter(Objects::nonNull).toList());
    }

    /** Writes the profiles in the background: temp file, 0600, atomic move. */
    public CompletableFuture<Void> save(List<ConnectionProfile> profiles) {
        List<ConnectionProfile> snapshot = List.copyOf(profiles);
        return CompletableFuture.runAsync(() -> {
            try {
                file.write(new ProfilesFile(1, snapshot));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write " + file.path(), e);
            }
        }, io);
    }

    private List<ConnectionProfile> withSandboxFirst(List<ConnectionProfile> profiles) {
        List<ConnectionProfile> ordered = new ArrayList<>();
        ordered.add(profiles.stream().filter(p -> p.id().equals(ConnectionProfile.LOCAL_SANDBOX_ID)).findFirst()
                .orElseGet(() -> ConnectionProfile.localSandbox(sandboxName)));
        profiles.stream().filter(p -> !p.id().equals(ConnectionProfile.LOCAL_SANDBOX_ID)).forEach(ordered::add);
        return ordered;
    }

    /**
     * The profile that {@code SUPABASE_URL} and {@code SUPABASE_ANON_KEY} describe, when both are set and the
     * URL is an http(s) address. A bad URL is logged (never the key) and ignored.
     */
    public static Optional<ConnectionProfile> environmentProfile(Map<String, String> env, String name) {
        String url = env.get(URL_VARIABLE);
        String key = env.get(KEY_VARIABLE);
        if (url == null || url.isBlank() || key == null || key.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(ConnectionProfile.supabase(ENVIRONMENT_PROFILE_ID, name, URI.create(url.strip()), key));
        } catch (IllegalArgumentException e) {
            LOG.warn("{} is not an http(s) URL; the environment profile is not used", URL_VARIABLE);
            return Optional.empty();
        }
    }

    /** The profiles with {@code added} added, or replacing the saved profile with the same id. */
    public static List<ConnectionProfile> upsert(List<ConnectionProfile> profiles, ConnectionProfile added) {
        List<ConnectionProfile> result = new ArrayList<>(profiles);
        for (int i = 0; i < result.size(); i++) {
            if (result.get(i).id().equals(added.id())) {
                result.set(i, added);
                return result;
            }
        }
        result.add(added);
        return result;
    }
}
