package com.storymimi.studio.ui.connect;

import com.storymimi.studio.model.ConnectionProfile;
import com.storymimi.studio.model.ConnectionProfile.Kind;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/** What the profile editor holds: the typed text, its problems, and the profile it becomes once valid. */
record ProfileForm(String name, Kind kind, String url, String anonKey) {

    enum Problem { NAME_REQUIRED, URL_REQUIRED, URL_NOT_HTTP, KEY_REQUIRED }

    ProfileForm {
        name = name == null ? "" : name.strip();
        kind = kind == null ? Kind.SUPABASE : kind;
        url = url == null ? "" : url.strip();
        anonKey = anonKey == null ? "" : anonKey.strip();
    }

    static ProfileForm of(ConnectionProfile profile) {
        return new ProfileForm(profile.name(), profile.kind(),
                profile.url() == null ? "" : profile.url().toString(),
                profile.anonKey() == null ? "" : profile.anonKey());
    }

    Set<Problem> problems() {
        Set<Problem> problems = EnumSet.noneOf(Problem.class);
        if (name.isEmpty()) {
            problems.add(Problem.NAME_REQUIRED);
        }
        if (kind == Kind.SUPABASE) {
            if (url.isEmpty()) {
                problems.add(Problem.URL_REQUIRED);
            } else if (parsedUrl().isEmpty()) {
                problems.add(Problem.URL_NOT_HTTP);
            }
            if (anonKey.isEmpty()) {
                problems.add(Problem.KEY_REQUIRED);
            }
        }
        return problems;
    }

    /** The profile to save under {@code id}; only call when {@link #problems()} is empty. */
    ConnectionProfile toProfile(String id) {
        return new ConnectionProfile(id, name, kind, parsedUrl().orElse(null), anonKey);
    }

    private Optional<URI> parsedUrl() {
        try {
            URI uri = new URI(url);
            return ConnectionProfile.isHttpUrl(uri) ? Optional.of(uri) : Optional.empty();
        } catch (URISyntaxException e) {
            return Optional.empty();
        }
    }
}
