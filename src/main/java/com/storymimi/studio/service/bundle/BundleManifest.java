package com.storymimi.studio.service.bundle;

import java.time.Instant;
import java.util.List;

/**
 * {@code manifest.json} of a bundle. {@link #VERSION} is what this app writes and reads; a bundle of a later
 * version is refused with a sentence (never half read).
 */
record BundleManifest(String format, int version, Instant exportedAt, List<BundleStory> stories) {

    static final String FORMAT = "storymimi-bundle";
    static final int VERSION = 1;
    static final String FILE = "manifest.json";

    BundleManifest {
        stories = stories == null ? List.of() : List.copyOf(stories);
    }
}
