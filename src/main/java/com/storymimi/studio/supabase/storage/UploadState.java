package com.storymimi.studio.supabase.storage;

/**
 * What a resumable upload needs to continue after a restart; saved as JSON (0600) in the caller's state
 * directory. Holds no token: the upload URL alone does not authorise anything.
 *
 * @param uploadPath the TUS upload's path under the project URL; null until it was created
 * @param offset     bytes the server confirmed
 */
record UploadState(String id, String file, long size, long lastModified, String bucket, String key,
                   String uploadPath, long offset, String contentType, long cacheControlSeconds, boolean upsert) {

    UploadState withUploadPath(String path) {
        return new UploadState(id, file, size, lastModified, bucket, key, path, offset, contentType,
                cacheControlSeconds, upsert);
    }

    UploadState withOffset(long confirmed) {
        return new UploadState(id, file, size, lastModified, bucket, key, uploadPath, confirmed, contentType,
                cacheControlSeconds, upsert);
    }
}
