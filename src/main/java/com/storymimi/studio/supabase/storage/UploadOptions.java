package com.storymimi.studio.supabase.storage;

import java.time.Duration;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * How a file is uploaded.
 *
 * @param contentType  the stored media type; null to detect it from the file's first bytes ({@link ContentTypes})
 * @param cacheControl sent as {@code Cache-Control: max-age=<seconds>} (storage-js default: 1 hour)
 * @param upsert       overwrite an existing object ({@code x-upsert: true}) instead of failing with "409"
 * @param onProgress   told of the bytes sent, on an HTTP client thread; hand over to the UI thread yourself
 */
public record UploadOptions(String contentType, Duration cacheControl, boolean upsert,
                            Consumer<TransferProgress> onProgress) {

    public static final Duration DEFAULT_CACHE_CONTROL = Duration.ofHours(1);

    public UploadOptions {
        cacheControl = cacheControl == null ? DEFAULT_CACHE_CONTROL : cacheControl;
        if (cacheControl.isNegative()) {
            throw new IllegalArgumentException("cacheControl must not be negative");
        }
        onProgress = onProgress == null ? progress -> { } : onProgress;
    }

    /** Detected content type, one hour cache, no upsert, no progress listener. */
    public static UploadOptions defaults() {
        return new UploadOptions(null, DEFAULT_CACHE_CONTROL, false, null);
    }

    public UploadOptions withContentType(String type) {
        return new UploadOptions(Objects.requireNonNull(type, "type"), cacheControl, upsert, onProgress);
    }

    public UploadOptions withCacheControl(Duration maxAge) {
        return new UploadOptions(contentType, maxAge, upsert, onProgress);
    }

    public UploadOptions withUpsert(boolean overwrite) {
        return new UploadOptions(contentType, cacheControl, overwrite, onProgress);
    }

    public UploadOptions withProgress(Consumer<TransferProgress> listener) {
        return new UploadOptions(contentType, cacheControl, upsert, listener);
    }

    String cacheControlHeader() {
        return "max-age=" + cacheControl.toSeconds();
    }
}
