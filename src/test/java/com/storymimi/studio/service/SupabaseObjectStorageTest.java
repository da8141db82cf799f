package com.storymimi.studio.service;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The media services' storage port against the sandbox's Storage API over HTTP. */
class SupabaseObjectStorageTest {

    private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10, 0, 0, 0, 13, 'I', 'H', 'D', 'R'};

    @TempDir
    Path dir;

    private SandboxFixture fixture;
    private ObjectStorage storage;

    @BeforeEach
    void start() throws Exception {
        fixture = SandboxFixture.signedIn(dir.resolve("sandbox"));
        storage = new SupabaseObjectStorage(fixture.client.storage());
    }

    @AfterEach
    void stop() {
        fixture.close();
    }

    @Test
    void anUploadedObjectCanBeInspectedDownloadedFetchedPubliclyAndRemoved() throws Exception {
        Path file = Files.write(dir.resolve("scene.png"), PNG);
        AtomicLong sent = new AtomicLong();

        storage.upload("story-images", "story-1/scene 1.png", file, "image/png", sent::set).join();

        assertEquals(PNG.length, sent.get(), "progress reaches the file size");
        ObjectStorage.ObjectInfo info = storage.info("story-images", "story-1/scene 1.png").join().orElseThrow();
        assertEquals(PNG.length, info.size());
        Path copy = dir.resolve("copy.png");
        storage.download("story-images", "story-1/scene 1.png", copy).join();
        assertArrayEquals(PNG, Files.readAllBytes(copy));
        assertArrayEquals(PNG, fetch(storage.publicUrl("story-images", "story-1/scene 1.png")));

        storage.remove("story-images", List.of("story-1/scene 1.png", "story-1/never-there.png")).join();

        assertTrue(storage.info("story-images", "story-1/scene 1.png").join().isEmpty());
    }

    @Test
    void uploadingAgainReplacesTheObject() throws Exception {
        Path first = Files.write(dir.resolve("a.png"), PNG);
        byte[] longer = new byte[PNG.length + 4];
        System.arraycopy(PNG, 0, longer, 0, PNG.length);
        Path second = Files.write(dir.resolve("b.png"), longer);

        storage.upload("story-images", "s/x.png", first, "image/png", bytes -> { }).join();
        storage.upload("story-images", "s/x.png", second, "image/png", bytes -> { }).join();

        assertEquals(longer.length, storage.info("story-images", "s/x.png").join().orElseThrow().size());
    }

    private static byte[] fetch(String url) throws Exception {
        try (HttpClient http = HttpClient.newHttpClient()) {
            HttpResponse<byte[]> response = http.send(HttpRequest.newBuilder(URI.create(url)).build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            assertEquals(200, response.statusCode(), "public buckets serve objects without a key");
            return response.body();
        }
    }
}
