package com.storymimi.studio.supabase.http;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.Flow;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MappedFilePublisherTest {

    @TempDir
    Path dir;

    @Test
    void publishesTheFileInOrderAsMuchAsIsAskedFor() throws Exception {
        byte[] content = new byte[(5 << 20) / 2]; // 2.5 MiB: two whole slices and a half one
        new Random(3).nextBytes(content);
        Path file = Files.write(dir.resolve("big.bin"), content);
        Recorder recorder = new Recorder();

        new MappedFilePublisher(file).subscribe(recorder);
        recorder.subscription.request(1);

        assertEquals(1, recorder.items.size(), "one slice per unit of demand");
        assertFalse(recorder.completed);
        recorder.subscription.request(10);
        assertTrue(recorder.completed);
        assertEquals(List.of(1 << 20, 1 << 20, 1 << 19), recorder.items.stream().map(ByteBuffer::remaining).toList());
        ByteArrayOutputStream joined = new ByteArrayOutputStream();
        recorder.items.forEach(slice -> {
            byte[] bytes = new byte[slice.remaining()];
            slice.get(bytes);
            joined.writeBytes(bytes);
        });
        assertArrayEquals(content, joined.toByteArray());
    }

    @Test
    void aMissingFileFailsTheSubscription() {
        Recorder recorder = new Recorder();

        new MappedFilePublisher(dir.resolve("gone.bin")).subscribe(recorder);

        assertInstanceOf(NoSuchFileException.class, recorder.failure);
    }

    @Test
    void onlyNonEmptyFilesThatFitOneMappingAreMapped() {
        assertFalse(MappedFilePublisher.canMap(0));
        assertTrue(MappedFilePublisher.canMap(200L << 20));
        assertFalse(MappedFilePublisher.canMap(3L << 30));
    }

    private static final class Recorder implements Flow.Subscriber<ByteBuffer> {
        final List<ByteBuffer> items = new ArrayList<>();
        Flow.Subscription subscription;
        boolean completed;
        Throwable failure;

        @Override
        public void onSubscribe(Flow.Subscription given) {
            subscription = given;
        }

        @Override
        public void onNext(ByteBuffer item) {
            items.add(item);
        }

        @Override
        public void onError(Throwable error) {
            failure = error;
        }

        @Override
        public void onComplete() {
            completed = true;
        }
    }
}
