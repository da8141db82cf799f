package com.storymimi.studio.local.storage;

/**
 * What an upload says about the object besides its bytes.
 *
 * @param userMetadata JSON object text, or null
 * @param owner        the uploader's user id (JWT sub), or null for the service role
 */
public record UploadSpec(String contentType, String cacheControl, String userMetadata, boolean upsert, String owner) {
}
