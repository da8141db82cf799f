package com.storymimi.studio.local.storage;

import java.nio.file.Path;
import java.time.Instant;

/** An object's metadata row plus the file that holds its bytes. */
record StoredObject(String id, String bucketId, String name, String contentType, String cacheControl, long size,
                    String etag, Instant updatedAt, Path file) {
}
