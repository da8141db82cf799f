package com.storymimi.studio.local.storage;

import java.nio.file.Path;
import java.time.Instant;

/**
 * An object's metadata row plus the file that holds its bytes. {@code userMetadata} is the JSON text the
 * uploader sent (or null); {@code version} names the file, so a replaced object never shares a file with
 * its predecessor.
 */
record StoredObject(String id, String bucketId, String name, String contentType, String cacheControl, long size,
                    String etag, String owner, String userMetadata, String version, Instant createdAt,
                    Instant updatedAt, Instant lastAccessedAt, Path file) {
}
