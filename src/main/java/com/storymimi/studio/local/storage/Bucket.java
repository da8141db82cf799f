package com.storymimi.studio.local.storage;

import java.util.List;

/** A bucket's access and upload limits. An empty {@code allowedMimeTypes} allows every type. */
public record Bucket(String id, boolean isPublic, long fileSizeLimit, List<String> allowedMimeTypes) {

    public Bucket {
        allowedMimeTypes = List.copyOf(allowedMimeTypes);
    }

    /** Storage compares type/subtype exactly, with {@code type/*} as a wildcard. */
    boolean allows(String mimeType) {
        if (allowedMimeTypes.isEmpty()) {
            return true;
        }
        String[] parts = mimeType.split("/", 2);
        return allowedMimeTypes.stream().anyMatch(allowed -> allowed.equals(mimeType)
                || (allowed.endsWith("/*") && parts.length == 2 && allowed.equals(parts[0] + "/*")));
    }
}
