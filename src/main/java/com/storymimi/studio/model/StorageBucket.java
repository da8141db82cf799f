package com.storymimi.studio.model;

import java.util.List;
import java.util.Objects;

/**
 * A Storage bucket as the browser shows it.
 *
 * @param fileSizeLimit    bytes, or null when the project's global limit applies
 * @param allowedMimeTypes empty when every type is allowed
 */
public record StorageBucket(String id, boolean isPublic, Long fileSizeLimit, List<String> allowedMimeTypes) {

    public StorageBucket {
        Objects.requireNonNull(id, "id");
        allowedMimeTypes = allowedMimeTypes == null ? List.of() : List.copyOf(allowedMimeTypes);
    }
}
