package com.storymimi.studio.ui.player;

import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;

/**
 * Draws a storyboard sheet into an image file: the view's side of {@link StoryboardSheets} (it needs the scene
 * graph). The file appears complete or not at all.
 */
public interface SheetRenderer {

    /** Completes on the FX thread once {@code target} holds the sheet; exceptionally if it could not be written. */
    CompletableFuture<Void> render(StoryboardSheet sheet, Path target);
}
