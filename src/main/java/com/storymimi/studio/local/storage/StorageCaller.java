package com.storymimi.studio.local.storage;

import com.storymimi.studio.local.auth.Role;

/**
 * Who is calling Storage: the role of the bearer JWT (or of the API key when there is none) and, for a
 * signed-in user, the id that becomes the owner of what they upload. Storage's RLS in this project:
 * authenticated and service_role read and write every bucket; anon has no policy, so it reads only through
 * the public-bucket routes and everything else is hidden from it.
 */
record StorageCaller(Role role, String userId) {

    boolean signedIn() {
        return role == Role.AUTHENTICATED || role == Role.SERVICE_ROLE;
    }

    boolean isServiceRole() {
        return role == Role.SERVICE_ROLE;
    }

    /** Refuses a write the way Postgres RLS does. */
    void requireWrite() {
        if (!signedIn()) {
            throw StorageException.accessDenied("new row violates row-level security policy");
        }
    }

    /** Reads that RLS would filter: anon sees nothing, reported as a missing object. */
    void requireRead() {
        if (!signedIn()) {
            throw StorageException.noSuchKey();
        }
    }

    /** The owner recorded on uploads: the JWT sub (the service role has none). */
    String owner() {
        return userId;
    }
}
