package com.storymimi.studio.supabase.http;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Future;

/**
 * {@code thenApply}/{@code thenCompose} stages do not pass a cancel back to the stage they came from; service
 * clients link the future they return to the pipeline's future with this, so a caller's cancel still aborts
 * the HTTP exchange.
 */
public final class Cancellation {

    private Cancellation() {
    }

    /** Returns {@code dependent}, which from now on cancels {@code upstream} when it is cancelled itself. */
    public static <T> CompletableFuture<T> propagate(CompletableFuture<T> dependent, Future<?> upstream) {
        dependent.whenComplete((value, failure) -> {
            if (dependent.isCancelled()) {
                upstream.cancel(true);
            }
        });
        return dependent;
    }
}
