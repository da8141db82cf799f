package com.storymimi.studio.supabase.storage;

import com.storymimi.studio.local.LocalSandbox;
import com.storymimi.studio.local.SandboxOptions;
import com.storymimi.studio.supabase.SupabaseClient;
import com.storymimi.studio.supabase.SupabaseConfig;
import com.storymimi.studio.supabase.error.StorageException;
import com.storymimi.studio.supabase.error.SupabaseException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletionException;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The Storage client against the real local sandbox over HTTP, on the routes the sandbox serves today. */
class StorageAgainstSandboxTest {

    @TempDir
    Path dir;
    private LocalSandbox sandbox;
    private SupabaseClient client;
    private StorageFiles images;

    @BeforeEach
    void start() throws Exception {
        sandbox = LocalSandbox.start(new SandboxOptions(dir.resolve("sandbox"), 0, false));
        client = SupabaseClient.create(new SupabaseConfig(sandbox.baseUrl(), sandbox.anonKey(), Duration.ofSeconds(10)));
        client.auth().signInWithPassword(sandbox.editorEmail(), sandbox.editorPassword()).join();
        images = client.storage().from("story-images");
    }

    @AfterEach
    void stop() {
        client.close();
        sandbox.close();
    }

    private Path png(String name, int size) throws Exception {
        byte[] bytes = new byte[size];
        bytes[0] = (byte) 0x89;
        bytes[1] = 'P';
        bytes[2] = 'N';
        bytes[3] = 'G';
        for (int i = 4; i < size; i++) {
            bytes[i] = (byte) (i * 7);
        }
        return Files.write(dir.resolve(name), bytes);
    }

    private static StorageException storageFailure(Runnable call) {
        CompletionException thrown = assertThrows(CompletionException.class, call::run);
        return assertInstanceOf(StorageException.class, SupabaseException.unwrap(thrown).orElseThrow());
    }

    @Test
    void uploadedImageDownloadsByteForByteAlsoThroughItsPublicUrl() throws Exception {
        Path file = png("scene.png", 70_000);
        String key = "story 1/scene+1 (draft).png";

        ObjectRef ref = images.upload(key, file, UploadOptions.defaults()).join();
        Path downloaded = images.download(key, dir.resolve("copy.png")).join();

        assertEquals("story-images/" + key, ref.fullPath());
        assertArrayEquals(Files.readAllBytes(file), images.downloadBytes(key).join());
        assertArrayEquals(Files.readAllBytes(file), Files.readAllBytes(downloaded));
        assertTrue(images.exists(key).join());
        assertFalse(images.exists("story 1/missing.png").join());
        try (HttpClient http = HttpClient.newHttpClient()) {
            HttpResponse<byte[]> visitor = http.send(HttpRequest.newBuilder(images.publicUrl(key)).build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            assertEquals(200, visitor.statusCode());
            assertEquals("image/png", visitor.headers().firstValue("Content-Type").orElse(""));
            assertArrayEquals(Files.readAllBytes(file), visitor.body());
        }
    }

    @Test
    void secondUploadWithoutUpsertIsADuplicateAndUpdateReplaces() throws Exception {
        images.upload("a.png", png("a.png", 100), UploadOptions.defaults()).join();
        Path newer = png("b.png", 200);

        StorageException duplicate = storageFailure(() -> images.upload("a.png", newer, UploadOptions.defaults()).join());
        images.update("a.png", newer, UploadOptions.defaults()).join();
        images.upload("a.png", png("c.png", 300), UploadOptions.defaults().withUpsert(true)).join();

        assertEquals("409", duplicate.statusCode());
        assertEquals(300, images.downloadBytes("a.png").join().length);
    }

    @Test
    void typeTheBucketRefusesComesBackAs415() throws Exception {
        Path text = Files.writeString(dir.resolve("notes.txt"), "hello");

        StorageException refused = storageFailure(() -> images.upload("notes.png", text, UploadOptions.defaults()).join());

        assertEquals("415", refused.statusCode());
    }

    @Test
    void missingObjectIsNoSuchKey() {
        StorageException missing = storageFailure(() -> images.downloadBytes("nope.png").join());

        assertEquals("404", missing.statusCode());
        assertEquals(400, missing.status());
    }
}
