package com.storymimi.studio.supabase.auth;

/** The session JSON of {@code POST /token} (protocol doc C2), as Gson reads it. */
record TokenResponse(String accessToken, String tokenType, Long expiresIn, Long expiresAt, String refreshToken,
                     AuthUser user) {
}
