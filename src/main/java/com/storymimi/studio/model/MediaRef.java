package com.storymimi.studio.model;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.Optional;

/**
 * Where a media file lives in Storage. Scenes store public URLs; the host part of such a URL can change (the
 * sandbox's port, a project moved), so the app identifies an object by bucket and key only.
 */
public record MediaRef(String bucket, String key) {

    private static final String PUBLIC_PATH = "/storage/v1/object/public/";

    public MediaRef {
        Objects.requireNonNull(bucket, "bucket");
        Objects.requireNonNull(key, "key");
    }

    /** Reads bucket and key from a public object URL; empty for null or anything else. */
    public static Optional<MediaRef> fromPublicUrl(String url) {
        if (url == null) {
            return Optional.empty();
        }
        int at = url.indexOf(PUBLIC_PATH);
        if (at < 0) {
            return Optional.empty();
        }
        String rest = url.substring(at + PUBLIC_PATH.length());
        int query = rest.indexOf('?');
        if (query >= 0) {
            rest = rest.substring(0, query);
        }
        int slash = rest.indexOf('/');
        if (slash <= 0 || slash == rest.length() - 1) {
            return Optional.empty();
        }
        return Optional.of(new MediaRef(rest.substring(0, slash),
                URLDecoder.decode(rest.substring(slash + 1).replace("+", "%2B"), StandardCharsets.UTF_8)));
    }
}
