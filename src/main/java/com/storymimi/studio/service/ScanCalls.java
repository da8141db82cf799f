package com.storymimi.studio.service;

import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Supplier;

/**
 * Runs the requests of one long scan one after another on a background thread, waiting for each. Cancelling the
 * scan's future aborts the request in flight and makes the next {@link #await} throw, so a scan over 100k stories
 * stops within one request, not at its end.
 */
final class ScanCalls {

    private final CompletableFuture<?> scan;
    private volatile CompletableFuture<?> inFlight;

    ScanCalls(CompletableFuture<?> scan) {
        this.scan = scan;
        scan.whenComplete((result, failure) -> {
            CompletableFuture<?> running = inFlight;
            if (scan.isCancelled() && running != null) {
                running.cancel(true);
            }
        });
    }

    /** Sends the request and waits for its answer; client failures come out as {@link ServiceException}. */
    <T> T await(Supplier<CompletableFuture<T>> request) {
        checkCancelled();
        CompletableFuture<T> call = request.get();
        inFlight = call;
        try {
            checkCancelled(); // a cancel between the check above and inFlight being set
            return call.join();
        } catch (CancellationException cancelled) {
            throw cancelled;
        } catch (CompletionException failure) {
            checkCancelled();
            throw ServiceFailures.translate(failure);
        } finally {
            inFlight = null;
        }
    }

    void checkCancelled() {
        if (scan.isCancelled()) {
            throw new CancellationException("integrity scan cancelled");
        }
    }
}
