package com.storymimi.studio.ui.testing;

import javafx.application.Platform;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/** The FX thread from a test's own thread: run something there and wait for it, or wait for a condition. */
public final class Fx {

    private static final long SECONDS = 30;

    private Fx() {
    }

    /** Runs {@code work} on the FX thread and returns its result (at most 30 s). */
    public static <T> T onFx(Supplier<T> work) {
        CompletableFuture<T> result = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                result.complete(work.get());
            } catch (RuntimeException | Error e) {
                result.completeExceptionally(e);
            }
        });
        return result.orTimeout(SECONDS, TimeUnit.SECONDS).join();
    }

    /** Polls {@code condition} (from this thread; wrap reads of FX state in {@link #onFx}) for at most 30 s. */
    public static void waitUntil(String what, BooleanSupplier condition) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(SECONDS);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting for: " + what);
            }
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted waiting for: " + what, e);
            }
        }
    }
}
