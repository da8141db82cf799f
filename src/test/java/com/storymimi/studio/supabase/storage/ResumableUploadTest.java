package com.storymimi.studio.supabase.storage;

import com.storymimi.studio.supabase.SupabaseClient;
import com.storymimi.studio.supabase.SupabaseConfig;
import com.storymimi.studio.supabase.testing.ScriptedServer;
import com.storymimi.studio.supabase.testing.ScriptedServer.Recorded;
import com.storymimi.studio.supabase.testing.ScriptedServer.Scripted;
import com.storymimi.studio.supabase.testing.TestClients;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** TUS uploads: create, 6 MiB chunks, HEAD before resuming, pause, cancel, and resuming after a restart. */
class ResumableUploadTest {

    private static final int MIB6 = ResumableUploads.CHUNK_SIZE;
    private static final long SIZE = 2L * MIB6 + 100;
    private static final String LOCATION = "/storage/v1/upload/resumable/dXBsb2FkLTE";

    @TempDir
    Path dir;
    private ScriptedServer server;
    private Path file;
    private Path stateDir;
    private byte[] content;

    @BeforeEach
    void start() throws Exception {
        server = new ScriptedServer();
        content = new byte[(int) SIZE];
        content[0] = (byte) 0x89;
        content[1] = 'P';
        content[2] = 'N';
        content[3] = 'G';
        for (int i = 4; i < content.length; i++) {
            content[i] = (byte) (i * 31);
        }
        file = Files.write(dir.resolve("big.png"), content);
        stateDir = dir.resolve("uploads");
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private SupabaseClient client() {
        return SupabaseClient.builder(new SupabaseConfig(server.uri(), TestClients.API_KEY, Duration.ofSeconds(10)))
                .uploadStateDirectory(stateDir).build();
    }

    private static Scripted patched(long offset) {
        return Scripted.status(204).header("Tus-Resumable", "1.0.0").header("Upload-Offset", Long.toString(offset));
    }

    private static Scripted created() {
        // an absolute Location naming another host, as behind a proxy: only its path is used
        return Scripted.status(201).header("Location", "https://elsewhere.example" + LOCATION);
    }

    private List<Recorded> patches() {
        return server.requests().stream().filter(r -> r.method().equals("PATCH")).toList();
    }

    private void awaitRequests(String method, int count) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (server.requests().stream().filter(r -> r.method().equals(method)).count() < count) {
            assertTrue(System.nanoTime() < deadline, "timed out waiting for " + method);
            Thread.sleep(10);
        }
    }

    private static Map<String, String> metadata(String header) {
        Map<String, String> pairs = new HashMap<>();
        for (String pair : header.split(",")) {
            String[] parts = pair.split(" ");
            pairs.put(parts[0], new String(Base64.getDecoder().decode(parts[1]), StandardCharsets.UTF_8));
        }
        return pairs;
    }

    @Test
    void largeUploadGoesThroughTusInSixMebibyteChunks() {
        server.enqueue(created(), patched(MIB6), patched(2L * MIB6), patched(SIZE));
        List<TransferProgress> progress = new CopyOnWriteArrayList<>();

        try (SupabaseClient client = client()) {
            ObjectRef ref = client.storage().from("story-images")
                    .upload("s/big.png", file, UploadOptions.defaults().withProgress(progress::add)).join();
            assertEquals("story-images/s/big.png", ref.fullPath());
        }

        Recorded create = server.request(0);
        assertEquals("POST", create.method());
        assertEquals("/storage/v1/upload/resumable", create.rawPath());
        assertEquals("1.0.0", create.header("Tus-Resumable"));
        assertEquals(Long.toString(SIZE), create.header("Upload-Length"));
        assertEquals("false", create.header("x-upsert"));
        assertEquals(Map.of("bucketName", "story-images", "objectName", "s/big.png", "contentType", "image/png",
                "cacheControl", "3600"), metadata(create.header("Upload-Metadata")));
        List<Recorded> patches = patches();
        assertEquals(3, patches.size());
        long offset = 0;
        for (Recorded patch : patches) {
            assertEquals(LOCATION, patch.rawPath());
            assertEquals(Long.toString(offset), patch.header("Upload-Offset"));
            assertEquals("application/offset+octet-stream", patch.header("Content-Type"));
            assertArrayEquals(Arrays.copyOfRange(content, (int) offset, (int) offset + patch.bytes().length), patch.bytes());
            offset += patch.bytes().length;
        }
        assertEquals(List.of(MIB6, MIB6, 100), patches.stream().map(p -> p.bytes().length).toList());
        assertEquals(SIZE, progress.getLast().bytesSent());
        assertEquals(List.of(), stateFiles(), "a finished upload leaves no state behind");
    }

    @Test
    void failedChunkIsResentFromTheOffsetHeadReports() {
        server.enqueue(created(), Scripted.status(503), Scripted.status(200).header("Upload-Offset", "0"),
                patched(MIB6), patched(2L * MIB6), patched(SIZE));

        try (SupabaseClient client = client()) {
            client.storage().from("story-images").upload("s/big.png", file, UploadOptions.defaults()).join();
        }

        assertEquals(List.of("POST", "PATCH", "HEAD", "PATCH", "PATCH", "PATCH"),
                server.requests().stream().map(Recorded::method).toList());
        assertEquals("0", server.request(3).header("Upload-Offset"));
    }

    @Test
    void pausedUploadResumesAfterARestartFromTheServersOffset() throws Exception {
        server.enqueue(created(), patched(MIB6).delayed(Duration.ofMillis(300)));
        try (SupabaseClient first = client()) {
            ResumableUpload upload = first.storage().resumable()
                    .prepare("story-images", "s/big.png", file, UploadOptions.defaults()).join();
            upload.start();
            awaitRequests("PATCH", 1);
            upload.pause().get(10, TimeUnit.SECONDS);

            assertEquals(ResumableUpload.Status.PAUSED, upload.status());
            assertEquals(MIB6, upload.offset());
            assertEquals(1, patches().size(), "pause lets the chunk in flight finish and sends no more");
        }
        Path state = stateFiles().getFirst();
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(state)));
        assertFalse(Files.readString(state).contains(TestClients.API_KEY));

        // the server got more than the client saw confirmed: HEAD is what counts
        server.enqueue(Scripted.status(200).header("Upload-Offset", Long.toString(2L * MIB6)), patched(SIZE));
        try (SupabaseClient second = client()) {
            List<PendingUpload> pending = second.storage().resumable().pending().join();
            assertEquals(1, pending.size());
            assertEquals(MIB6, pending.getFirst().offset());
            assertFalse(pending.getFirst().fileChanged());
            ResumableUpload resumed = second.storage().resumable().restore(pending.getFirst(), null).join();
            resumed.start().get(10, TimeUnit.SECONDS);
        }

        Recorded head = server.request(2);
        assertEquals("HEAD", head.method());
        assertEquals(LOCATION, head.rawPath());
        Recorded last = server.request(3);
        assertEquals(Long.toString(2L * MIB6), last.header("Upload-Offset"));
        assertEquals(100, last.bytes().length);
        assertEquals(List.of(), stateFiles());
    }

    @Test
    void cancelAbortsTheChunkInFlightTerminatesAndForgetsTheUpload() throws Exception {
        server.enqueue(created(), patched(MIB6).delayed(Duration.ofSeconds(3)), Scripted.status(204));
        try (SupabaseClient client = client()) {
            ResumableUpload upload = client.storage().resumable()
                    .prepare("story-images", "s/big.png", file, UploadOptions.defaults()).join();
            CompletableFuture<ObjectRef> result = upload.start();
            awaitRequests("PATCH", 1);
            long started = System.nanoTime();

            upload.cancel().get(5, TimeUnit.SECONDS);

            assertTrue(System.nanoTime() - started < TimeUnit.SECONDS.toNanos(2), "cancel waited for the chunk");
            assertTrue(result.isCancelled());
            assertThrows(CancellationException.class, result::join);
            assertEquals(ResumableUpload.Status.CANCELLED, upload.status());
        }
        Recorded terminate = server.requests().stream().filter(r -> r.method().equals("DELETE")).findFirst().orElseThrow();
        assertEquals(LOCATION, terminate.rawPath());
        assertEquals("1.0.0", terminate.header("Tus-Resumable"));
        assertEquals(List.of(), stateFiles());
    }

    @Test
    void changedFileIsNotResumed() throws Exception {
        server.enqueue(created(), patched(MIB6).delayed(Duration.ofMillis(200)));
        try (SupabaseClient client = client()) {
            ResumableUpload upload = client.storage().resumable()
                    .prepare("story-images", "s/big.png", file, UploadOptions.defaults()).join();
            upload.start();
            awaitRequests("PATCH", 1);
            upload.pause().get(10, TimeUnit.SECONDS);
            Files.write(file, new byte[] {1, 2, 3});

            assertTrue(client.storage().resumable().pending().join().getFirst().fileChanged());
            Exception thrown = assertThrows(Exception.class, () -> upload.resume().get(10, TimeUnit.SECONDS));
            assertTrue(thrown.getCause() instanceof IllegalStateException, thrown.toString());
        }
        assertEquals(2, server.requests().size());
    }

    private List<Path> stateFiles() {
        try (var files = Files.list(stateDir)) {
            return files.filter(p -> p.getFileName().toString().endsWith(".upload.json")).toList();
        } catch (java.io.IOException e) {
            return List.of();
        }
    }
}
