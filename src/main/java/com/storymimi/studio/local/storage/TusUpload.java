package com.storymimi.studio.local.storage;

import java.time.Instant;

/** A resumable upload in progress: where it goes, how long it is, how much has arrived, and its metadata. */
record TusUpload(String id, String bucketId, String name, long length, long offset, UploadSpec spec,
                 Instant expiresAt) {

    TusUpload withOffset(long newOffset) {
        return new TusUpload(id, bucketId, name, length, newOffset, spec, expiresAt);
    }

    boolean complete() {
        return offset == length;
    }
}
