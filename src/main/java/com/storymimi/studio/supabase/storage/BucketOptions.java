package com.storymimi.studio.supabase.storage;

import java.util.List;

/**
 * What a bucket is created or updated with. An update sets all three, so a null limit or type list
 * removes the restriction.
 *
 * @param fileSizeLimit    bytes; null for no bucket limit (the project limit still applies)
 * @param allowedMimeTypes e.g. {@code image/png}, {@code audio/*}; null or empty for any type
 */
public record BucketOptions(boolean isPublic, Long fileSizeLimit, List<String> allowedMimeTypes) {

    public BucketOptions {
        if (fileSizeLimit != null && fileSizeLimit <= 0) {
            throw new IllegalArgumentException("fileSizeLimit must be positive: " + fileSizeLimit);
        }
        allowedMimeTypes = allowedMimeTypes == null ? null : List.copyOf(allowedMimeTypes);
    }
}
