package com.storymimi.studio.supabase.auth;

import com.storymimi.studio.supabase.http.JsonCodec;
import com.storymimi.studio.supabase.http.PrivateFiles;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * Keeps the session in a JSON file so it survives restarts. The file is created 0600 and replaced atomically
 * (see {@link PrivateFiles}); an unreadable or damaged file counts as "signed out" rather than an error, since
 * the only remedy is signing in again. Reads are served from memory after the first one. Thread-safe.
 */
public final class FileSessionStore implements SessionStore {

    private final Path file;
    private final JsonCodec codec = new JsonCodec();
    private Optional<Session> cached;

    public FileSessionStore(Path file) {
        this.file = Objects.requireNonNull(file, "file");
    }

    public Path file() {
        return file;
    }

    @Override
    public synchronized Optional<Session> load() {
        if (cached == null) {
            cached = read();
        }
        return cached;
    }

    @Override
    public synchronized void save(Session session) {
        Objects.requireNonNull(session, "session");
        try {
            PrivateFiles.write(file, codec.toJson(session).getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("The session could not be saved to " + file, e);
        }
        cached = Optional.of(session);
    }

    @Override
    public synchronized void clear() {
        cached = Optional.empty();
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new UncheckedIOException("The saved session could not be deleted: " + file, e);
        }
    }

    private Optional<Session> read() {
        try {
            Session session = codec.fromJson(Files.readString(file, StandardCharsets.UTF_8), Session.class);
            return Optional.ofNullable(session);
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException | RuntimeException e) {
            // damaged JSON, or a file missing a token (Session's own checks throw): signed out
            return Optional.empty();
        }
    }
}
