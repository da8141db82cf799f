package com.storymimi.studio.supabase.storage;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * One entry of a listing (or of a remove answer): a file, or a folder when {@link #id()} is null.
 *
 * @param name     relative to the listed prefix
 * @param metadata Storage's object metadata ({@code size}, {@code mimetype}, {@code eTag}, ...); null for folders
 */
public record StorageObject(String name, String id, Instant updatedAt, Instant createdAt, Instant lastAccessedAt,
                            Map<String, Object> metadata) {

    public boolean isFolder() {
        return id == null;
    }

    /** The size in bytes from the metadata, when known. */
    public Optional<Long> size() {
        return metadata == null || !(metadata.get("size") instanceof Number number)
                ? Optional.empty() : Optional.of(number.longValue());
    }

    public Optional<String> mimeType() {
        return metadata == null || !(metadata.get("mimetype") instanceof String type)
                ? Optional.empty() : Optional.of(type);
    }
}
