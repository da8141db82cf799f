package com.storymimi.studio.supabase.storage;

import java.net.URI;
import java.util.Optional;

/**
 * One answer of a batch {@code createSignedUrls}: the absolute URL, or why there is none.
 *
 * @param url   null when {@code error} is set
 * @param error e.g. "Either the object does not exist or you do not have access to it"; null on success
 */
public record SignedUrl(String path, URI url, String error) {

    public Optional<URI> signedUrl() {
        return Optional.ofNullable(url);
    }
}
