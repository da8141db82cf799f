package com.storymimi.studio.model;

import java.util.List;

/** The two media a scene carries, each in its own public bucket, with the types editors may drop. */
public enum MediaKind {
    IMAGE("story-images", List.of("image/png", "image/jpeg"), 10L * 1024 * 1024),
    AUDIO("story-audio", List.of("audio/mpeg", "audio/wav"), 50L * 1024 * 1024);

    private final String bucket;
    private final List<String> mimeTypes;
    private final long maxBytes;

    MediaKind(String bucket, List<String> mimeTypes, long maxBytes) {
        this.bucket = bucket;
        this.mimeTypes = mimeTypes;
        this.maxBytes = maxBytes;
    }

    public String bucket() {
        return bucket;
    }

    public List<String> mimeTypes() {
        return mimeTypes;
    }

    public long maxBytes() {
        return maxBytes;
    }
}
