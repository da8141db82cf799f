package com.storymimi.studio.local.storage;

import java.util.List;

/**
 * A bucket's access and upload limits. {@code fileSizeLimit} 0 means no bucket limit (the global one still
 * applies); an empty {@code allowedMimeTypes} allows every type.
 */
public record Bucket(String id, boolean isPublic, long fileSizeLimit, List<String> allowedMimeTypes) {

    /** The default project-wide upload limit (the Supabase CLI default, 50 MiB). */
    public static final long DEFAULT_GLOBAL_FILE_SIZE_LIMIT = 50L * 1024 * 1024;

    public Bucket {
        allowedMimeTypes = List.copyOf(allowedMimeTypes);
    }

    /** The largest object this bucket takes: the smaller of the project-wide and the bucket's limit. */
    long effectiveSizeLimit(long globalLimit) {
        return fileSizeLimit > 0 ? Math.min(fileSizeLimit, globalLimit) : globalLimit;
    }

    /**
     * Storage splits on '/' and compares exactly, with {@code type/*} as a wildcard; parameters are part of the
     * subtype, so {@code text/plain;charset=UTF-8} does not match {@code text/plain}.
     */
    boolean allows(String mimeType) {
        if (allowedMimeTypes.isEmpty()) {
            return true;
        }
        String[] parts = mimeType.split("/", 2);
        return allowedMimeTypes.stream().anyMatch(allowed -> allowed.equals(mimeType)
                || (allowed.endsWith("/*") && parts.length == 2 && allowed.equals(parts[0] + "/*")));
    }

    void requireAllowed(String mimeType) {
        if (!allows(mimeType)) {
            throw StorageException.invalidMimeType(mimeType);
        }
    }
}
