package com.storymimi.studio.supabase.auth;

import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/** Keeps the session for the life of the process; safe to use from any thread. */
public final class InMemorySessionStore implements SessionStore {

    private final AtomicReference<Session> current = new AtomicReference<>();

    @Override
    public Optional<Session> load() {
        return Optional.ofNullable(current.get());
    }

    @Override
    public void save(Session session) {
        current.set(Objects.requireNonNull(session, "session"));
    }

    @Override
    public void clear() {
        current.set(null);
    }
}
