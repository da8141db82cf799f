package com.storymimi.studio.supabase.http;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.Flow;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A file's bytes as read-only 1 MiB slices of one memory mapping. {@code BodyPublishers.ofFile} reads the file
 * into a fresh 16 KiB heap buffer per piece, about one byte of garbage per byte sent (a 200 MB upload peaked at
 * 113 MiB of heap); slices of a mapping live outside the heap. If the file shrinks while it is sent, the socket
 * write fails like any other I/O error and so does the request.
 */
final class MappedFilePublisher implements Flow.Publisher<ByteBuffer> {

    private static final int SLICE = 1 << 20;

    private final Path file;

    MappedFilePublisher(Path file) {
        this.file = file;
    }

    /** Whether a file of this size fits one mapping. */
    static boolean canMap(long size) {
        return size > 0 && size <= Integer.MAX_VALUE;
    }

    @Override
    public void subscribe(Flow.Subscriber<? super ByteBuffer> subscriber) {
        MappedByteBuffer mapping;
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            mapping = channel.map(FileChannel.MapMode.READ_ONLY, 0, channel.size()); // outlives the channel
        } catch (IOException e) {
            subscriber.onSubscribe(new Slices(subscriber, ByteBuffer.allocate(0)));
            subscriber.onError(e);
            return;
        }
        subscriber.onSubscribe(new Slices(subscriber, mapping));
    }

    /** Hands out slices as the subscriber asks for them; one drain loop at a time, whoever calls. */
    private static final class Slices implements Flow.Subscription {

        private final Flow.Subscriber<? super ByteBuffer> subscriber;
        private final ByteBuffer mapping;
        private final AtomicLong demand = new AtomicLong();
        private final AtomicInteger draining = new AtomicInteger();
        private volatile boolean stopped;
        private int position;

        Slices(Flow.Subscriber<? super ByteBuffer> subscriber, ByteBuffer mapping) {
            this.subscriber = subscriber;
            this.mapping = mapping;
        }

        @Override
        public void request(long n) {
            if (n <= 0) {
                stopped = true;
                subscriber.onError(new IllegalArgumentException("demand must be positive: " + n));
                return;
            }
            demand.getAndAccumulate(n, (current, more) -> current + more < 0 ? Long.MAX_VALUE : current + more);
            drain();
        }

        @Override
        public void cancel() {
            stopped = true;
        }

        private void drain() {
            if (draining.getAndIncrement() != 0) {
                return; // the loop that is running picks the new demand up
            }
            do {
                while (!stopped && position < mapping.limit() && demand.get() > 0) {
                    int length = Math.min(SLICE, mapping.limit() - position);
                    ByteBuffer slice = mapping.slice(position, length).asReadOnlyBuffer();
                    position += length;
                    demand.decrementAndGet();
                    subscriber.onNext(slice);
                }
                if (!stopped && position >= mapping.limit()) {
                    stopped = true;
                    subscriber.onComplete();
                }
            } while (draining.decrementAndGet() != 0);
        }
    }
}
