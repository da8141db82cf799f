package com.storymimi.studio.service;

import com.storymimi.studio.service.ServiceException.Reason;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.UUID;

/**
 * Where a scene's media lives in its bucket: {@code <story_id>/<scene_id>-<first 16 hex digits of the file's
 * SHA-256>.<ext>}. Another file gets another key, so the object it replaces stays as it was for the trash (and no
 * CDN or cache serves old bytes under the new URL); the same file gets the same key, so an upload repeated after a
 * lost answer overwrites its own first attempt instead of leaving a copy behind.
 */
public final class MediaKeys {

    private MediaKeys() {
    }

    public static String key(UUID storyId, UUID sceneId, String sha256Hex, MediaFormat format) {
        return storyId + "/" + sceneId + "-" + sha256Hex.substring(0, 16) + "." + format.extension();
    }

    /** The file's SHA-256 as 64 lower-case hex digits, read in 64 KiB blocks (blocking: call off the FX thread). */
    public static String sha256(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            byte[] buffer = new byte[64 * 1024];
            for (int read = in.read(buffer); read >= 0; read = in.read(buffer)) {
                digest.update(buffer, 0, read);
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchFileException missing) {
            throw new ServiceException(Reason.NOT_FOUND, file.getFileName() + " does not exist (any more)", missing);
        } catch (IOException e) {
            throw new ServiceException(Reason.FAILED, file.getFileName() + " could not be read: " + e.getMessage(), e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
