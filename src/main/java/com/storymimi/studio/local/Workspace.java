package com.storymimi.studio.local;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.storymimi.studio.local.db.OwnerOnlyFiles;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;

/**
 * {@code workspace.json}: the sandbox's secrets and memory (JWT secret, editor credentials, the port of the
 * last run). Readable by its owner only (0600), and always replaced atomically.
 */
record Workspace(byte[] jwtSecret, String editorEmail, String editorPassword, long createdAt, int lastPort) {

    static final String FILE_NAME = "workspace.json";
    private static final String EDITOR_EMAIL = "editor@storymimi.local";
    private static final SecureRandom RANDOM = new SecureRandom();

    /** Loads the workspace, or creates (and saves) a new one with fresh secrets. */
    static Workspace loadOrCreate(Path dataDir) throws IOException {
        Path file = dataDir.resolve(FILE_NAME);
        if (Files.exists(file)) {
            return read(file);
        }
        byte[] secret = new byte[48];
        RANDOM.nextBytes(secret);
        Workspace created = new Workspace(secret, EDITOR_EMAIL, randomPassword(), Instant.now().getEpochSecond(), 0);
        created.save(dataDir);
        return created;
    }

    Workspace withPort(int port) {
        return new Workspace(jwtSecret, editorEmail, editorPassword, createdAt, port);
    }

    void save(Path dataDir) throws IOException {
        JsonObject json = new JsonObject();
        json.addProperty("jwt_secret", Base64.getEncoder().encodeToString(jwtSecret));
        json.addProperty("editor_email", editorEmail);
        json.addProperty("editor_password", editorPassword);
        json.addProperty("created_at", createdAt);
        json.addProperty("port", lastPort);
        Path temp = dataDir.resolve(FILE_NAME + ".tmp");
        Files.deleteIfExists(temp);
        OwnerOnlyFiles.privateFile(temp);
        Files.writeString(temp, json.toString(), StandardCharsets.UTF_8);
        Files.move(temp, dataDir.resolve(FILE_NAME), StandardCopyOption.REPLACE_EXISTING,
                StandardCopyOption.ATOMIC_MOVE);
    }

    private static Workspace read(Path file) throws IOException {
        try {
            JsonObject json = JsonParser.parseString(Files.readString(file, StandardCharsets.UTF_8)).getAsJsonObject();
            return new Workspace(Base64.getDecoder().decode(json.get("jwt_secret").getAsString()),
                    json.get("editor_email").getAsString(), json.get("editor_password").getAsString(),
                    json.get("created_at").getAsLong(), json.has("port") ? json.get("port").getAsInt() : 0);
        } catch (RuntimeException e) {
            throw new IOException("The sandbox workspace file " + file + " is damaged; move it away to start afresh");
        }
    }

    private static String randomPassword() {
        byte[] bytes = new byte[18];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    @Override
    public String toString() {
        return "Workspace[editorEmail=" + editorEmail + ", lastPort=" + lastPort + "]";
    }
}
