package com.storymimi.studio.ui.common;

import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Work a view does off the FX thread and continues with on it: building a media player (it reads the file and
 * builds a native pipeline) or loading a view's FXML before it is shown. Only for objects not yet part of a
 * showing window, as JavaFX allows.
 */
public final class ViewTasks {

    private static final Logger LOG = LoggerFactory.getLogger(ViewTasks.class);

    private final Executor background;
    private final Executor fx;

    /**
     * @param background runs the work
     * @param fx         completes the result on the FX thread ({@code Platform::runLater} in the app)
     */
    public ViewTasks(Executor background, Executor fx) {
        this.background = Objects.requireNonNull(background, "background");
        this.fx = Objects.requireNonNull(fx, "fx");
    }

    /** Runs {@code work} in the background; the future completes on the FX thread, normally or exceptionally. */
    public <T> CompletableFuture<T> supply(Supplier<T> work) {
        return CompletableFuture.supplyAsync(work, background).whenCompleteAsync((result, error) -> { }, fx);
    }

    /**
     * Lets go of a resource in the background (closing a file, removing a temporary one), work the FX thread must
     * not wait for. A failure is logged; nothing waits for it. Not for JavaFX objects: a media player is disposed
     * on the FX thread, where its properties live.
     */
    public void release(Runnable dispose) {
        CompletableFuture.runAsync(dispose, background).exceptionally(error -> {
            LOG.warn("releasing a native resource failed", error);
            return null;
        });
    }
}
