package com.storymimi.studio.supabase.storage;

import com.storymimi.studio.supabase.error.StorageException;
import com.storymimi.studio.supabase.error.SupabaseException;
import com.storymimi.studio.supabase.error.TransportException;
import com.storymimi.studio.supabase.http.ApiResponse;
import com.storymimi.studio.supabase.http.HttpPipeline;
import com.storymimi.studio.supabase.http.RequestBody;

import java.io.IOException;
import java.net.ConnectException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * One TUS upload: create, then PATCH chunks of exactly 6 MiB (the last one shorter) read through a
 * {@link FileChannel} into one reused buffer, saving the confirmed offset after each chunk. Can be paused
 * (after the chunk in flight), resumed (the offset is re-read with HEAD first), cancelled (the exchange in
 * flight is aborted) and resumed after a restart from its state file. A PATCH that failed is retried only
 * after HEAD told the real offset; a create is retried only when it surely created nothing.
 */
public final class ResumableUpload {

    /** Where the upload stands. */
    public enum Status { READY, RUNNING, PAUSED, COMPLETED, FAILED, CANCELLED }

    private static final int MAX_FAILURES = 3;
    private static final long BACKOFF_MILLIS = 500;

    private final HttpPipeline pipeline;
    private final UploadStateStore states;
    private final ProgressMeter meter;
    private UploadState state;
    private Status status = Status.READY;
    private CompletableFuture<ObjectRef> result;
    private CompletableFuture<Void> paused;
    private CompletableFuture<ApiResponse> inFlight;
    private boolean pauseRequested;
    private boolean cancelRequested;
    private boolean recreated;
    private int failures;
    private byte[] buffer;

    ResumableUpload(HttpPipeline pipeline, UploadStateStore states, UploadState state,
                    Consumer<TransferProgress> onProgress) {
        this.pipeline = pipeline;
        this.states = states;
        this.state = state;
        this.meter = new ProgressMeter(state.size(), onProgress, System::nanoTime);
        this.result = newResult();
    }

    public String id() {
        return state.id();
    }

    public synchronized Status status() {
        return status;
    }

    /** Bytes the server has confirmed. */
    public synchronized long offset() {
        return state.offset();
    }

    public long size() {
        return state.size();
    }

    /**
     * Starts, or continues a paused, failed or restored upload. The future completes when the object is
     * stored; cancelling it cancels the upload. Calling it while running returns the same future.
     */
    public synchronized CompletableFuture<ObjectRef> start() {
        if (status == Status.RUNNING) {
            pauseRequested = false;
            settlePause();
            return result;
        }
        if (status != Status.READY && status != Status.PAUSED && status != Status.FAILED) {
            return result;
        }
        if (result.isDone()) {
            result = newResult();
        }
        status = Status.RUNNING;
        failures = 0;
        boolean knownUpload = state.uploadPath() != null;
        CompletableFuture.runAsync(() -> {
            if (fileChanged()) {
                fail(new IllegalStateException(state.file() + " changed since the upload began; cancel it and "
                        + "upload the file again"));
            } else if (knownUpload) {
                rereadOffset();
            } else {
                next();
            }
        });
        return result;
    }

    /** Same as {@link #start()}: continues from the offset the server reports. */
    public CompletableFuture<ObjectRef> resume() {
        return start();
    }

    /** Stops after the chunk in flight; completes once stopped with the offset saved. */
    public synchronized CompletableFuture<Void> pause() {
        if (status != Status.RUNNING) {
            return CompletableFuture.completedFuture(null);
        }
        pauseRequested = true;
        if (paused == null) {
            paused = new CompletableFuture<>();
        }
        return paused.copy();
    }

    /**
     * Aborts the exchange in flight, forgets the saved state, asks the server to drop the partial upload
     * (best effort) and cancels the result. Completes when the server answered or gave up.
     */
    public CompletableFuture<Void> cancel() {
        CompletableFuture<ApiResponse> running;
        String uploadPath;
        synchronized (this) {
            if (status == Status.COMPLETED || status == Status.CANCELLED) {
                return CompletableFuture.completedFuture(null);
            }
            cancelRequested = true;
            status = Status.CANCELLED;
            running = inFlight;
            uploadPath = state.uploadPath();
            buffer = null;
            settlePause();
        }
        if (running != null) {
            running.cancel(true);
        }
        states.delete(state.id());
        result.cancel(false);
        if (uploadPath == null) {
            return CompletableFuture.completedFuture(null);
        }
        return pipeline.send(TusRequests.terminate(uploadPath)).handle((response, failure) -> null);
    }

    private CompletableFuture<ObjectRef> newResult() {
        CompletableFuture<ObjectRef> future = new CompletableFuture<>();
        future.whenComplete((ref, failure) -> {
            if (future.isCancelled()) {
                cancel();
            }
        });
        return future;
    }

    /** One step of the loop: create, send the next chunk, or finish; stops when paused or cancelled. */
    private void next() {
        UploadState current;
        synchronized (this) {
            if (cancelRequested || status != Status.RUNNING) {
                return;
            }
            if (pauseRequested) {
                pauseRequested = false;
                status = Status.PAUSED;
                buffer = null;
                settlePause();
                return;
            }
            current = state;
        }
        if (current.uploadPath() == null) {
            track(pipeline.send(TusRequests.create(current))).whenComplete(this::created);
        } else if (current.offset() >= current.size()) {
            finish();
        } else {
            sendChunk(current);
        }
    }

    private void sendChunk(UploadState current) {
        long base = current.offset();
        int length;
        try {
            length = readChunk(current, base);
        } catch (IOException e) {
            fail(e);
            return;
        }
        RequestBody chunk = RequestBody.ofSlice(buffer, 0, length, (sent, total) -> meter.update(base + sent));
        track(pipeline.send(TusRequests.patch(current.uploadPath(), base, chunk)))
                .whenComplete((response, failure) -> patched(response, failure));
    }

    private int readChunk(UploadState current, long offset) throws IOException {
        int length = (int) Math.min(ResumableUploads.CHUNK_SIZE, current.size() - offset);
        if (buffer == null) {
            buffer = new byte[(int) Math.min(ResumableUploads.CHUNK_SIZE, current.size())];
        }
        ByteBuffer target = ByteBuffer.wrap(buffer, 0, length);
        try (FileChannel channel = FileChannel.open(Path.of(current.file()), StandardOpenOption.READ)) {
            while (target.hasRemaining()) {
                if (channel.read(target, offset + target.position()) < 0) {
                    throw new IOException(current.file() + " became shorter during the upload");
                }
            }
        }
        return length;
    }

    private void created(ApiResponse response, Throwable failure) {
        if (failure == null) {
            try {
                update(state.withUploadPath(TusRequests.uploadPath(response)).withOffset(0));
            } catch (RuntimeException e) {
                fail(e);
                return;
            }
            next();
        } else if (!stopped(failure) && createdNothing(failure) && ++failures <= MAX_FAILURES) {
            later(this::next);
        } else if (!stopped(failure)) {
            fail(failure);
        }
    }

    private void patched(ApiResponse response, Throwable failure) {
        if (failure == null) {
            try {
                update(state.withOffset(TusRequests.offset(response)));
            } catch (RuntimeException e) {
                fail(e);
                return;
            }
            failures = 0;
            next();
        } else if (stopped(failure)) {
            return;
        } else if (uploadExpired(failure)) {
            recreate(failure);
        } else if (worthRetrying(failure) && ++failures <= MAX_FAILURES) {
            later(this::rereadOffset);
        } else {
            fail(failure);
        }
    }

    /** HEAD tells how much the server really has: the only safe point to continue a PATCH from. */
    private void rereadOffset() {
        String path = state.uploadPath();
        track(pipeline.send(TusRequests.head(path))).whenComplete((response, failure) -> {
            if (failure == null) {
                try {
                    update(state.withOffset(TusRequests.offset(response)));
                } catch (RuntimeException e) {
                    fail(e);
                    return;
                }
                next();
            } else if (!stopped(failure)) {
                if (uploadExpired(failure)) {
                    recreate(failure);
                } else {
                    fail(failure);
                }
            }
        });
    }

    /** Upload URLs expire (1 h on Supabase): start over with a new one, once. */
    private void recreate(Throwable failure) {
        synchronized (this) {
            if (recreated) {
                fail(failure);
                return;
            }
            recreated = true;
        }
        update(state.withUploadPath(null).withOffset(0));
        next();
    }

    private void finish() {
        synchronized (this) {
            status = Status.COMPLETED;
            buffer = null;
            settlePause();
        }
        states.delete(state.id());
        result.complete(new ObjectRef(null, state.key(), state.bucket() + "/" + state.key()));
    }

    private void fail(Throwable failure) {
        Throwable cause = failure instanceof CompletionException && failure.getCause() != null
                ? failure.getCause() : failure;
        synchronized (this) {
            if (status != Status.RUNNING) {
                return;
            }
            status = Status.FAILED;
            buffer = null;
            settlePause();
        }
        result.completeExceptionally(cause);
    }

    private synchronized void update(UploadState next) {
        state = next;
        states.save(next);
    }

    private synchronized CompletableFuture<ApiResponse> track(CompletableFuture<ApiResponse> exchange) {
        inFlight = exchange;
        if (cancelRequested) {
            exchange.cancel(true);
        }
        return exchange;
    }

    private void settlePause() {
        if (paused != null) {
            paused.complete(null);
            paused = null;
        }
    }

    private void later(Runnable step) {
        long delay = BACKOFF_MILLIS << Math.min(failures - 1, 6);
        CompletableFuture.runAsync(step, CompletableFuture.delayedExecutor(delay, TimeUnit.MILLISECONDS));
    }

    private boolean fileChanged() {
        try {
            Path file = Path.of(state.file());
            return Files.size(file) != state.size()
                    || Files.getLastModifiedTime(file).toMillis() != state.lastModified();
        } catch (IOException e) {
            return true;
        }
    }

    private synchronized boolean stopped(Throwable failure) {
        return cancelRequested || failure instanceof CancellationException
                || failure.getCause() instanceof CancellationException;
    }

    /** A create may be repeated only when it cannot have created anything. */
    private static boolean createdNothing(Throwable failure) {
        SupabaseException error = SupabaseException.unwrap(failure).orElse(null);
        if (error instanceof TransportException transport) {
            return transport.getCause() instanceof ConnectException;
        }
        return error != null && (error.status() == 503 || error.status() == 520);
    }

    /** A chunk may be repeated after HEAD: connection trouble, a 409 offset mismatch, 423 lock, 5xx. */
    private static boolean worthRetrying(Throwable failure) {
        SupabaseException error = SupabaseException.unwrap(failure).orElse(null);
        if (error instanceof TransportException) {
            return true;
        }
        int status = error == null ? 0 : error.status();
        return status == 409 || status == 423 || status >= 500;
    }

    private static boolean uploadExpired(Throwable failure) {
        return SupabaseException.unwrap(failure)
                .filter(error -> error instanceof StorageException && (error.status() == 404 || error.status() == 410))
                .isPresent();
    }
}
