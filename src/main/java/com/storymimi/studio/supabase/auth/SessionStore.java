package com.storymimi.studio.supabase.auth;

import java.util.Optional;

/**
 * Where the current session lives: {@link InMemorySessionStore} for the life of the process,
 * {@link FileSessionStore} across restarts. Refreshing is the {@link SessionKeeper}'s job, not the store's.
 */
public interface SessionStore {

    Optional<Session> load();

    void save(Session session);

    void clear();
}
