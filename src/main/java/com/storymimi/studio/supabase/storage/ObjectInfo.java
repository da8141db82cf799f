package com.storymimi.studio.supabase.storage;

import java.time.Instant;
import java.util.Map;

/** {@code GET /object/info/{bucket}/{key}}: one object's stored properties. */
public record ObjectInfo(String id, String name, String version, String bucketId, Long size, String contentType,
                         String cacheControl, String etag, Map<String, Object> metadata, Instant lastModified,
                         Instant createdAt) {
}
