package com.storymimi.studio.service;

import com.storymimi.studio.model.MediaKind;
import com.storymimi.studio.model.StorageBucket;
import com.storymimi.studio.service.ServiceException.Reason;
import com.storymimi.studio.supabase.storage.ContentTypes;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * Decides the content type of a file about to be uploaded, from its bytes, and refuses what the bucket would
 * not take. The two StoryMimi buckets get the scene editor's checks ({@link MediaChecks}), so a file refused in
 * the editor is refused here with the same sentence. Blocking file I/O: call it off the FX thread.
 */
final class UploadGate {

    private static final double MIB = 1024.0 * 1024.0;

    static boolean isStoryMimiBucket(String bucket) {
        return kindOf(bucket).isPresent();
    }

    /** @param rules the bucket's settings; null for the StoryMimi buckets, whose rules are known */
    String contentType(String bucket, StorageBucket rules, Path file) {
        Optional<MediaKind> kind = kindOf(bucket);
        if (kind.isPresent()) {
            return MediaChecks.inspect(file, kind.get()).contentType();
        }
        String name = String.valueOf(file.getFileName());
        try {
            long size = Files.size(file);
            String type = ContentTypes.detect(file);
            if (rules != null && !rules.allowedMimeTypes().isEmpty() && !rules.allowedMimeTypes().contains(type)) {
                throw new ServiceException(Reason.INVALID, name + " is of type " + type + ", which " + bucket
                        + " does not take: use " + String.join(", ", rules.allowedMimeTypes()));
            }
            if (rules != null && rules.fileSizeLimit() != null && size > rules.fileSizeLimit()) {
                throw new ServiceException(Reason.INVALID, String.format(Locale.ROOT,
                        "%s is %.1f MB; %s takes at most %.1f MB", name, size / MIB, bucket, rules.fileSizeLimit() / MIB));
            }
            return type;
        } catch (NoSuchFileException missing) {
            throw new ServiceException(Reason.NOT_FOUND, name + " does not exist (any more)", missing);
        } catch (IOException e) {
            throw new ServiceException(Reason.FAILED, name + " could not be read: " + e.getMessage(), e);
        }
    }

    private static Optional<MediaKind> kindOf(String bucket) {
        return Arrays.stream(MediaKind.values()).filter(k -> k.bucket().equals(bucket)).findFirst();
    }
}
