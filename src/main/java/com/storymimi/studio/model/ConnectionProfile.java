package com.storymimi.studio.model;

import java.net.URI;
import java.util.Objects;

/**
 * A place the app can connect to: the embedded sandbox, or a Supabase project (URL + anon key).
 * {@link #toString()} never prints the key, so a profile can be logged safely.
 */
public record ConnectionProfile(String id, String name, Kind kind, URI url, String anonKey) {

    public enum Kind { SANDBOX, SUPABASE }

    public static final String LOCAL_SANDBOX_ID = "local-sandbox";

    public ConnectionProfile {
        if (id == null || id.isBlank()) {
            throw new IllegalArgumentException("profile id is required");
        }
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("profile name is required");
        }
        Objects.requireNonNull(kind, "kind");
        name = name.strip();
        if (kind == Kind.SUPABASE) {
            if (!isHttpUrl(url)) {
                throw new IllegalArgumentException("a Supabase profile needs an http(s) URL: " + url);
            }
            if (anonKey == null || anonKey.isBlank()) {
                throw new IllegalArgumentException("a Supabase profile needs an anon key");
            }
            anonKey = anonKey.strip();
        } else {
            // The sandbox finds its own address and key when it starts; storing stale ones would only mislead.
            url = null;
            anonKey = null;
        }
    }

    /** The profile every installation starts with. */
    public static ConnectionProfile localSandbox(String name) {
        return new ConnectionProfile(LOCAL_SANDBOX_ID, name, Kind.SANDBOX, null, null);
    }

    public static ConnectionProfile supabase(String id, String name, URI url, String anonKey) {
        return new ConnectionProfile(id, name, Kind.SUPABASE, url, anonKey);
    }

    public static boolean isHttpUrl(URI url) {
        return url != null && url.isAbsolute() && url.getHost() != null
                && ("https".equalsIgnoreCase(url.getScheme()) || "http".equalsIgnoreCase(url.getScheme()));
    }

    @Override
    public String toString() {
        return "ConnectionProfile[id=" + id + ", name=" + name + ", kind=" + kind + ", url=" + url
                + ", anonKey=" + (anonKey == null ? "none" : "***") + "]";
    }
}
