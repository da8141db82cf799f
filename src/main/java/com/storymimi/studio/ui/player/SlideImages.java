package com.storymimi.studio.ui.player;

import com.storymimi.studio.ui.common.ViewTasks;
import javafx.scene.image.Image;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * The player's decoded images (View side): each decoded off the FX thread at the size it is shown, the scene
 * shown and the next kept (a 1920×1080 image is 8 MB decoded, so a 100-scene story is never held whole).
 */
final class SlideImages {

    private static final int KEPT = 3;

    private final ViewTasks tasks;
    private final Map<Integer, CompletableFuture<Image>> decoded = new LinkedHashMap<>(8, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Integer, CompletableFuture<Image>> eldest) {
            return size() > KEPT;
        }
    };

    SlideImages(ViewTasks tasks) {
        this.tasks = tasks;
    }

    /** Scene {@code index}'s image fitted into width × height, decoded once and kept while it is near. */
    CompletableFuture<Image> full(int index, Path file, double width, double height) {
        return decoded.computeIfAbsent(index, key -> decode(file, width, height));
    }

    /** A small copy for the progress strip, not kept here (its thumbnail holds it). */
    CompletableFuture<Image> thumbnail(Path file, double width, double height) {
        return decode(file, width, height);
    }

    void clear() {
        decoded.clear();
    }

    private CompletableFuture<Image> decode(Path file, double width, double height) {
        return decode(tasks, file, width, height);
    }

    /**
     * {@code file} decoded in the background, fitted into width × height; fails when it cannot be decoded. The
     * player's images and the storyboard sheet's alike. {@code toUri()} asks the file system: in the background too.
     */
    static CompletableFuture<Image> decode(ViewTasks tasks, Path file, double width, double height) {
        return tasks.supply(() -> {
            Image image = new Image(file.toUri().toString(), width, height, true, true, false);
            if (image.isError()) {
                throw new IllegalStateException("cannot decode " + file.getFileName(), image.getException());
            }
            return image;
        });
    }
}
