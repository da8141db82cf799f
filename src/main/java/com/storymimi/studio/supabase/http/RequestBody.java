package com.storymimi.studio.supabase.http;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpRequest.BodyPublisher;
import java.net.http.HttpRequest.BodyPublishers;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Flow;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

/**
 * What a request sends. Every kind can be sent again (a retry or a replay after a token refresh): bytes are
 * kept, a file is re-opened for each attempt, a slice stays valid until its exchange has finished.
 */
public final class RequestBody {

    private final Supplier<BodyPublisher> publisher;
    private final byte[] bytes;

    private RequestBody(Supplier<BodyPublisher> publisher, byte[] bytes) {
        this.publisher = publisher;
        this.bytes = bytes;
    }

    /** An in-memory body (JSON, small uploads); the array is copied. */
    public static RequestBody ofBytes(byte[] bytes) {
        byte[] copy = bytes.clone();
        return new RequestBody(() -> BodyPublishers.ofByteArray(copy), copy);
    }

    /**
     * The file streamed from disk (never the whole file in the heap: slices of a memory mapping, see
     * {@link MappedFilePublisher}), opened again for every attempt, with {@code listener} told of the bytes sent.
     */
    public static RequestBody ofFile(Path file, TransferListener listener) {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(listener, "listener");
        return new RequestBody(() -> {
            try {
                long size = Files.size(file);
                BodyPublisher body = MappedFilePublisher.canMap(size)
                        ? BodyPublishers.fromPublisher(new MappedFilePublisher(file), size)
                        : BodyPublishers.ofFile(file);
                return new CountingPublisher(body, listener);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }, null);
    }

    /**
     * {@code length} bytes of {@code buffer} from {@code offset}, not copied: the caller must leave them alone
     * until the exchange has finished (a reused chunk buffer of a resumable upload).
     */
    public static RequestBody ofSlice(byte[] buffer, int offset, int length, TransferListener listener) {
        Objects.checkFromIndexSize(offset, length, buffer.length);
        Objects.requireNonNull(listener, "listener");
        // Not BodyPublishers.ofByteArray(buffer, offset, length): it copies the slice into 16 KiB heap buffers,
        // so every 6 MiB chunk of a resumable upload would sit in memory twice.
        ByteBuffer slice = ByteBuffer.wrap(buffer, offset, length).slice().asReadOnlyBuffer();
        return new RequestBody(() -> new CountingPublisher(
                BodyPublishers.fromPublisher(new SingleBufferPublisher(slice.duplicate()), length), listener), null);
    }

    /** Hands one buffer to the HTTP client as it is, on the first request for data. */
    private record SingleBufferPublisher(ByteBuffer buffer) implements Flow.Publisher<ByteBuffer> {

        @Override
        public void subscribe(Flow.Subscriber<? super ByteBuffer> subscriber) {
            AtomicBoolean finished = new AtomicBoolean();
            subscriber.onSubscribe(new Flow.Subscription() {
                @Override
                public void request(long n) {
                    if (!finished.compareAndSet(false, true)) {
                        return;
                    }
                    if (n <= 0) {
                        subscriber.onError(new IllegalArgumentException("demand must be positive: " + n));
                        return;
                    }
                    subscriber.onNext(buffer.duplicate()); // a fresh position for every subscription
                    subscriber.onComplete();
                }

                @Override
                public void cancel() {
                    finished.set(true);
                }
            });
        }
    }

    /** A fresh publisher for one attempt. */
    BodyPublisher publisher() {
        return publisher.get();
    }

    /** The bytes of an in-memory body; empty for files and slices. */
    Optional<byte[]> bytes() {
        return Optional.ofNullable(bytes).map(byte[]::clone);
    }
}
