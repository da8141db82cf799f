package com.storymimi.studio.service;

import com.storymimi.studio.model.MediaKind;
import com.storymimi.studio.model.MediaRef;
import com.storymimi.studio.supabase.storage.ObjectKeys;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Optional;

/**
 * Decides whether a scene's URL is a public object URL of this project's bucket for its kind. The app itself
 * resolves media by bucket and key only, but the story apps load the URL as it is, so a URL on another server
 * is reported even when the object it names exists here.
 */
final class MediaUrls {

    /** What a URL is. {@code otherServer} is the foreign host, when the path is ours but the server is not. */
    sealed interface Verdict {
        record Ours(MediaRef object, Optional<String> otherServer) implements Verdict {
        }

        /** {@code why} ends a sentence: "is not a Storage public URL". */
        record Foreign(String why) implements Verdict {
        }
    }

    private final String origin;

    /** @param projectUrl any URL of the connected project (scheme, host and port are used) */
    MediaUrls(URI projectUrl) {
        this.origin = origin(projectUrl);
    }

    Verdict classify(MediaKind kind, String url) {
        URI parsed;
        try {
            parsed = new URI(url);
        } catch (URISyntaxException e) {
            return new Verdict.Foreign("is not a valid URL");
        }
        Optional<MediaRef> ref = MediaRef.fromPublicUrl(url);
        if (ref.isEmpty() || !parsed.isAbsolute()) {
            return new Verdict.Foreign("is not a Storage public URL");
        }
        MediaRef object = ref.get();
        if (!object.bucket().equals(kind.bucket())) {
            return new Verdict.Foreign("points into bucket " + object.bucket() + ", not " + kind.bucket());
        }
        try {
            ObjectKeys.requireValidKey(object.key());
        } catch (IllegalArgumentException e) {
            return new Verdict.Foreign("names an object key Storage cannot hold");
        }
        String server = origin(parsed);
        return new Verdict.Ours(object, server.equals(origin) ? Optional.empty() : Optional.of(server));
    }

    /** {@code scheme://host:port} in lower case, with the scheme's default port made explicit. */
    private static String origin(URI uri) {
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        String host = uri.getHost() == null ? String.valueOf(uri.getAuthority()) : uri.getHost();
        int port = uri.getPort() >= 0 ? uri.getPort() : scheme.equals("https") ? 443 : scheme.equals("http") ? 80 : -1;
        return scheme + "://" + host.toLowerCase(Locale.ROOT) + ":" + port;
    }
}
