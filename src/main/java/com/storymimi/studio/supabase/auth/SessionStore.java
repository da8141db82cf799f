package com.storymimi.studio.supabase.auth;

import java.util.Optional;

/**
 * Where the current session lives. In memory for now; a persistent store (a 0600 file, the OS keyring) and
 * refresh-ahead-of-expiry plug in here without changing {@link AuthClient}'s callers.
 */
public interface SessionStore {

    Optional<Session> load();

    void save(Session session);

    void clear();
}
