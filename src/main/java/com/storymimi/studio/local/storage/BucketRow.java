package com.storymimi.studio.local.storage;

import java.time.Instant;

/** A bucket as the bucket routes show it: its rules plus name, owner and timestamps. */
record BucketRow(Bucket bucket, String name, String owner, Instant createdAt, Instant updatedAt) {
}
