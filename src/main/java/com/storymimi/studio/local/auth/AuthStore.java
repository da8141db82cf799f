package com.storymimi.studio.local.auth;

import com.storymimi.studio.local.db.Database;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import java.util.UUID;

/** Auth users, sessions and rotating refresh tokens in the sandbox database. */
public final class AuthStore {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final Database database;
    private final Clock clock;

    public AuthStore(Database database, Clock clock) {
        this.database = database;
        this.clock = clock;
    }

    /** A new session for a user, and the refresh token that continues it. */
    record Session(String id, AuthUser user, String refreshToken) {
    }

    /** Creates the account unless one with that e-mail exists (the seeded editor on every start). */
    public void ensureUser(String email, String password) throws SQLException {
        boolean exists = database.read(c -> findByEmail(c, email).isPresent());
        if (exists) {
            return;
        }
        String hash = PasswordHasher.hash(password);
        String now = clock.instant().toString();
        database.write(c -> {
            try (PreparedStatement st = c.prepareStatement("INSERT OR IGNORE INTO sb_auth_users"
                    + " (id, email, password_hash, created_at, updated_at) VALUES (?, ?, ?, ?, ?)")) {
                st.setString(1, UUID.randomUUID().toString());
                st.setString(2, email);
                st.setString(3, hash);
                st.setString(4, now);
                st.setString(5, now);
                st.executeUpdate();
            }
            return null;
        });
    }

    /** Checks the password and opens a session, or returns empty for unknown user or wrong password. */
    Optional<Session> signIn(String email, String password) throws SQLException {
        Optional<String[]> row = database.read(c -> credentials(c, email));
        if (row.isEmpty() || !PasswordHasher.matches(password, row.get()[1])) {
            return Optional.empty();
        }
        String userId = row.get()[0];
        return Optional.of(database.write(c -> {
            update(c, "UPDATE sb_auth_users SET last_sign_in_at = ? WHERE id = ?", clock.instant().toString(), userId);
            String sessionId = UUID.randomUUID().toString();
            update(c, "INSERT INTO sb_auth_sessions (id, user_id, created_at) VALUES (?, ?, ?)", sessionId, userId,
                    clock.instant().toString());
            return new Session(sessionId, findById(c, userId).orElseThrow(), issueRefreshToken(c, sessionId));
        }));
    }

    /** Rotates a refresh token: the old one is spent, a new one continues the same session. */
    Session refresh(String refreshToken) throws SQLException {
        return database.write(c -> {
            String sql = "SELECT t.session_id, t.revoked, s.user_id FROM sb_auth_refresh_tokens t"
                    + " JOIN sb_auth_sessions s ON s.id = t.session_id WHERE t.token_hash = ?";
            try (PreparedStatement st = c.prepareStatement(sql)) {
                st.setString(1, digest(refreshToken));
                try (ResultSet rs = st.executeQuery()) {
                    if (!rs.next()) {
                        throw new AuthException(400, "refresh_token_not_found",
                                "Invalid Refresh Token: Refresh Token Not Found");
                    }
                    if (rs.getInt("revoked") != 0) {
                        throw new AuthException(400, "refresh_token_already_used",
                                "Invalid Refresh Token: Already Used");
                    }
                    String sessionId = rs.getString("session_id");
                    String userId = rs.getString("user_id");
                    update(c, "UPDATE sb_auth_refresh_tokens SET revoked = 1 WHERE token_hash = ?", digest(refreshToken));
                    return new Session(sessionId, findById(c, userId).orElseThrow(), issueRefreshToken(c, sessionId));
                }
            }
        });
    }

    boolean sessionExists(String sessionId) throws SQLException {
        return database.read(c -> {
            try (PreparedStatement st = c.prepareStatement("SELECT 1 FROM sb_auth_sessions WHERE id = ?")) {
                st.setString(1, sessionId);
                try (ResultSet rs = st.executeQuery()) {
                    return rs.next();
                }
            }
        });
    }

    Optional<AuthUser> user(String userId) throws SQLException {
        return database.read(c -> findById(c, userId));
    }

    /** Ends sessions: global = all of the user's, local = this one, others = all but this one. */
    void signOut(String userId, String sessionId, String scope) throws SQLException {
        database.write(c -> {
            switch (scope) {
                case "local" -> update(c, "DELETE FROM sb_auth_sessions WHERE id = ?", sessionId);
                case "others" -> update(c, "DELETE FROM sb_auth_sessions WHERE user_id = ? AND id <> ?", userId,
                        sessionId);
                default -> update(c, "DELETE FROM sb_auth_sessions WHERE user_id = ?", userId);
            }
            return null;
        });
    }

    private String issueRefreshToken(Connection c, String sessionId) throws SQLException {
        byte[] bytes = new byte[24];
        RANDOM.nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        update(c, "INSERT INTO sb_auth_refresh_tokens (token_hash, session_id, created_at) VALUES (?, ?, ?)",
                digest(token), sessionId, clock.instant().toString());
        return token;
    }

    private static Optional<String[]> credentials(Connection c, String email) throws SQLException {
        // GoTrue stores and matches e-mail addresses without regard to case
        try (PreparedStatement st = c.prepareStatement(
                "SELECT id, password_hash FROM sb_auth_users WHERE lower(email) = lower(?)")) {
            st.setString(1, email);
            try (ResultSet rs = st.executeQuery()) {
                return rs.next() ? Optional.of(new String[] {rs.getString(1), rs.getString(2)}) : Optional.empty();
            }
        }
    }

    private static Optional<AuthUser> findByEmail(Connection c, String email) throws SQLException {
        return findWhere(c, "email", email);
    }

    private static Optional<AuthUser> findById(Connection c, String id) throws SQLException {
        return findWhere(c, "id", id);
    }

    private static Optional<AuthUser> findWhere(Connection c, String column, String value) throws SQLException {
        String sql = "SELECT id, email, created_at, updated_at, last_sign_in_at FROM sb_auth_users WHERE "
                + (column.equals("id") ? "id = ?" : "lower(email) = lower(?)");
        try (PreparedStatement st = c.prepareStatement(sql)) {
            st.setString(1, value);
            try (ResultSet rs = st.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                String lastSignIn = rs.getString(5);
                return Optional.of(new AuthUser(rs.getString(1), rs.getString(2), Instant.parse(rs.getString(3)),
                        Instant.parse(rs.getString(4)), lastSignIn == null ? null : Instant.parse(lastSignIn)));
            }
        }
    }

    private static void update(Connection c, String sql, Object... params) throws SQLException {
        try (PreparedStatement st = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                st.setObject(i + 1, params[i]);
            }
            st.executeUpdate();
        }
    }

    private static String digest(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
