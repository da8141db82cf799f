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
     * Uploads the file to {@code <bucket>/<story_id>/<scene_id>.<ext>} and stores its public URL on the scene.
     * If the row update fails, the uploaded object is removed again (one compensating step). Replaces any
     * earlier media of that kind. {@code bytesSent} is called with the running total as the upload proceeds.
     */
    CompletableFuture<Scene> attach(Scene scene, MediaKind kind, Path file, LongConsumer bytesSent);

    /** Clears the scene's URL and deletes the object. */
    CompletableFuture<Scene> detach(Scene scene, MediaKind kind);

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
