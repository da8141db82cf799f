package com.storymimi.studio.model;

import java.time.Instant;
import java.util.Objects;

/**
 * One entry of a bucket folder: a file, or a folder (which Storage derives from the keys below it).
 *
 * @param name        the last part of the key ("scene.png", or "story-id" for a folder)
 * @param key         the full key inside the bucket ("story-id/scene.png"); a folder's key has no trailing slash
 * @param size        bytes; 0 for folders and when Storage does not say
 * @param contentType null for folders and when Storage does not say
 * @param updated     null for folders
 */
public record StorageEntry(String name, String key, boolean folder, long size, String contentType, Instant updated) {

    public StorageEntry {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(key, "key");
    }

    public static StorageEntry folder(String name, String key) {
        return new StorageEntry(name, key, true, 0, null, null);
    }

    public boolean isImage() {
        return !folder && contentType != null && contentType.startsWith("image/");
    }

    public boolean isAudio() {
        return !folder && contentType != null && contentType.startsWith("audio/");
    }
}
