package com.storymimi.studio.service;

import com.storymimi.studio.model.MediaKind;
import com.storymimi.studio.model.Scene;

import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import java.util.function.LongConsumer;

/**
 * A scene's image and narration in Storage. Uploads are validated first (type by magic bytes, size by the
 * bucket's limit) and fail with {@link ServiceException.Reason#INVALID} and a message naming the problem.
 */
public interface MediaService {

    /**
     * Checks a file for a scene before anything is uploaded; completes normally when it can be attached,
     * exceptionally with INVALID (e.g. "WebP is not supported: use PNG or JPEG") otherwise.
     */
    CompletableFuture<Void> check(Path file, MediaKind kind);

    /**
     * Uploads the file to {@code <bucket>/<story_id>/<scene_id>-<content hash>.<ext>} (a key of its own for every
     * other file, the same key for the same file) and stores its public URL on the scene. If the row update fails, the uploaded object is removed again (one compensating step). The
     * media it replaces goes to the trash (restorable, removed from Storage when the trash is emptied).
     * {@code bytesSent} is called with the running total as the upload proceeds.
     */
    CompletableFuture<Scene> attach(Scene scene, MediaKind kind, Path file, LongConsumer bytesSent);

    /** Clears the scene's URL; the media goes to the trash. */
    CompletableFuture<Scene> detach(Scene scene, MediaKind kind);

    /**
     * The undo and redo of an attach or detach: points the scene (as just read) at {@code url} again, an earlier
     * image or narration of it that the trash keeps, or at none ({@code null}); what it names now goes to the trash.
     * Done when the scene names {@code url} already. NOT_FOUND when the trash does not keep {@code url} any more
     * (deleted for good), a conflict when the scene changed since it was read.
     */
    CompletableFuture<Scene> putBack(Scene scene, MediaKind kind, String url);

    /**
     * A local copy of the scene's media for preview and playback (cached by object and ETag), or a failed
     * future with NOT_FOUND when the scene has none or the object is missing.
     */
    CompletableFuture<Path> localCopy(Scene scene, MediaKind kind);

    /**
     * Tells {@code listener} of scene rows that an attach produced after its caller had been told it failed:
     * an upload retried later (from the status bar's queue). A service that never retries on its own never calls
     * it. Returns what to run to stop listening.
     */
    default Runnable onLaterAttach(Consumer<Scene> listener) {
        return () -> { };
    }
}
