package com.storymimi.studio.model;

import java.util.Objects;

/** What an editor types to sign in. {@link #toString()} never shows the password. */
public record Credentials(String email, String password) {

    public Credentials {
        email = Objects.requireNonNull(email, "email").strip();
        Objects.requireNonNull(password, "password");
    }

    @Override
    public String toString() {
        return "Credentials[email=" + email + ", password=***]";
    }
}
