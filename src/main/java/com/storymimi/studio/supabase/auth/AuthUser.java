package com.storymimi.studio.supabase.auth;

import java.time.Instant;
import java.util.UUID;

/** The signed-in user as GoTrue describes it (the fields an editor app needs; GoTrue sends more). */
public record AuthUser(UUID id, String email, String role, String aud, Instant createdAt, Instant lastSignInAt) {
}
