package com.storymimi.studio.local.storage;

import java.util.List;

/**
 * The fields a {@code PUT /bucket/{id}} sets; a field that was not sent is left as it is ({@code null} for
 * isPublic, the {@code *Set} flags for the two that may be set to null).
 */
record BucketPatch(Boolean isPublic, boolean fileSizeLimitSet, long fileSizeLimit, boolean allowedMimeTypesSet,
                   List<String> allowedMimeTypes) {
}
