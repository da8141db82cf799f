package com.storymimi.studio.local.auth;

import java.util.Map;

/**
 * The row-level security of the public tables, in one table per role, equivalent to the policies in
 * supabase/migrations: anon has no policy (reads see no rows, writes match nothing, inserts are refused),
 * authenticated has a permissive "for all" policy, service_role bypasses RLS.
 */
public final class AccessPolicy {

    /** What a role may reach in every public table. */
    public record Grants(boolean selectRows, boolean insertRows, boolean updateRows, boolean deleteRows) {
    }

    private static final Grants NOTHING = new Grants(false, false, false, false);
    private static final Grants EVERYTHING = new Grants(true, true, true, true);

    private static final Map<Role, Grants> BY_ROLE = Map.of(
            Role.ANON, NOTHING,
            Role.AUTHENTICATED, EVERYTHING,
            Role.SERVICE_ROLE, EVERYTHING);

    private AccessPolicy() {
    }

    public static Grants grantsFor(Role role) {
        return BY_ROLE.get(role);
    }
}
