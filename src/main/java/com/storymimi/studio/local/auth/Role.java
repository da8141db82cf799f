package com.storymimi.studio.local.auth;

import java.util.Optional;

/** The database roles a Supabase JWT can select through its "role" claim. */
public enum Role {
    ANON("anon"),
    AUTHENTICATED("authenticated"),
    SERVICE_ROLE("service_role");

    private final String claim;

    Role(String claim) {
        this.claim = claim;
    }

    public String claim() {
        return claim;
    }

    public static Optional<Role> fromClaim(String claim) {
        for (Role role : values()) {
            if (role.claim.equals(claim)) {
                return Optional.of(role);
            }
        }
        return Optional.empty();
    }
}
