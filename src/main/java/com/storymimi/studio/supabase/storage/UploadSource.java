package com.storymimi.studio.supabase.storage;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;

/** A file about to be uploaded, with its size and media type found on disk. */
record UploadSource(Path file, long size, long lastModifiedMillis, String contentType) {

    /** Reads size and (unless the options name one) the media type; a missing file is bad input. */
    static UploadSource of(Path file, UploadOptions options) throws IOException {
        Objects.requireNonNull(file, "file");
        if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
            throw new IllegalArgumentException("Not a readable file: " + file);
        }
        String type = options.contentType() != null ? options.contentType() : ContentTypes.detect(file);
        return new UploadSource(file, Files.size(file), Files.getLastModifiedTime(file).toMillis(), type);
    }
}
