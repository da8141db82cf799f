package com.storymimi.studio.supabase.storage;

import java.net.URI;
import java.util.Objects;

/**
 * A one-off permission to upload {@code path} into {@code bucket} without a session, from
 * {@code createSignedUploadUrl}. {@link #toString()} hides the token.
 *
 * @param url the absolute upload URL, token included
 */
public record SignedUploadUrl(String bucket, String path, String token, URI url) {

    public SignedUploadUrl {
        Objects.requireNonNull(bucket, "bucket");
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(token, "token");
    }

    @Override
    public String toString() {
        return "SignedUploadUrl[bucket=" + bucket + ", path=" + path + ", token=[REDACTED]]";
    }
}
