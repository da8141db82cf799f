package com.storymimi.studio.app;

import javafx.application.Platform;
import javafx.scene.Scene;

import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The installer's hook for its AOT-cache training run and the start-up benchmark: with
 * {@code -Dstorymimi.exitAfterFirstFrame=true} the app reports how long after process start the main window drew
 * its first frame, then quits the normal way, so the shutdown path is trained too and no one has to kill it.
 */
final class FirstFrameExit {

    static final String PROPERTY = "storymimi.exitAfterFirstFrame";
    static final String REPORT_PREFIX = "storymimi: first frame after ";

    private FirstFrameExit() {
    }

    /** Does nothing unless the property is set: a normal start pays one property lookup. */
    static void installIfRequested(Scene scene) {
        if (Boolean.getBoolean(PROPERTY)) {
            install(scene, System.out, Platform::exit);
        }
    }

    /**
     * Reports and exits once, after the first pulse that lays out the shown scene: that pulse also renders it,
     * and the exit runs after the pulse because it is queued behind it.
     */
    static void install(Scene scene, PrintStream out, Runnable exit) {
        AtomicBoolean done = new AtomicBoolean();
        scene.addPostLayoutPulseListener(() -> {
            if (!done.compareAndSet(false, true)) {
                return;
            }
            out.println(REPORT_PREFIX + sinceProcessStart().toMillis() + " ms");
            out.flush();
            Platform.runLater(exit);
        });
    }

    private static Duration sinceProcessStart() {
        Instant start = ProcessHandle.current().info().startInstant().orElse(Instant.now());
        return Duration.between(start, Instant.now());
    }
}
