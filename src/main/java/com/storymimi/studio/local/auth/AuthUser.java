package com.storymimi.studio.local.auth;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;

import java.time.Instant;

/** A row of the auth users table (without the password hash) and its GoTrue JSON form. */
record AuthUser(String id, String email, Instant createdAt, Instant updatedAt, Instant lastSignInAt) {

    static JsonObject appMetadata() {
        JsonObject app = new JsonObject();
        app.addProperty("provider", "email");
        JsonArray providers = new JsonArray();
        providers.add("email");
        app.add("providers", providers);
        return app;
    }

    JsonObject toJson() {
        JsonObject user = new JsonObject();
        user.addProperty("id", id);
        user.addProperty("aud", "authenticated");
        user.addProperty("role", "authenticated");
        user.addProperty("email", email);
        user.addProperty("email_confirmed_at", createdAt.toString());
        user.addProperty("phone", "");
        user.addProperty("confirmed_at", createdAt.toString());
        user.addProperty("last_sign_in_at", lastSignInAt == null ? null : lastSignInAt.toString());
        user.add("app_metadata", appMetadata());
        user.add("user_metadata", new JsonObject());
        user.add("identities", new JsonArray());
        user.addProperty("created_at", createdAt.toString());
        user.addProperty("updated_at", updatedAt.toString());
        user.addProperty("is_anonymous", false);
        return user;
    }
}
