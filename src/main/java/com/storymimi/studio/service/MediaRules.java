package com.storymimi.studio.service;

import com.storymimi.studio.model.MediaKind;

import java.util.Locale;
import java.util.Optional;

/**
 * What a stored object must be to serve a scene as {@code kind}: one of the kind's content types and no larger
 * than its limit. Judged from Storage's metadata, not the bytes: the doctor reads no object content.
 */
final class MediaRules {

    private static final double MIB = 1024.0 * 1024.0;

    /** An object's content type (may be null when Storage does not say) and size (null when unknown). */
    record ObjectMeta(String contentType, Long size) {
    }

    private MediaRules() {
    }

    /** The broken rule as the end of a sentence ("is of type text/plain; images must be PNG or JPEG"). */
    static Optional<String> problem(MediaKind kind, ObjectMeta meta) {
        String type = meta.contentType() == null ? null : baseType(meta.contentType());
        if (type != null && !kind.mimeTypes().contains(type)) {
            return Optional.of("is of type " + type + "; " + (kind == MediaKind.IMAGE
                    ? "images must be PNG or JPEG" : "audio must be MP3 or WAV"));
        }
        if (meta.size() != null && meta.size() > kind.maxBytes()) {
            return Optional.of(String.format(Locale.ROOT, "is %.1f MB; %s may be at most %d MB", meta.size() / MIB,
                    kind == MediaKind.IMAGE ? "images" : "audio files", Math.round(kind.maxBytes() / MIB)));
        }
        return Optional.empty();
    }

    /** {@code "Image/PNG; charset=x"} → {@code "image/png"}. */
    private static String baseType(String contentType) {
        int semicolon = contentType.indexOf(';');
        String type = semicolon < 0 ? contentType : contentType.substring(0, semicolon);
        return type.strip().toLowerCase(Locale.ROOT);
    }
}
