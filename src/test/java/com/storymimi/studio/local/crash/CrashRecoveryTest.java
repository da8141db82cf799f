package com.storymimi.studio.local.crash;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonParser;
import com.storymimi.studio.local.SandboxHttp;
import com.storymimi.studio.supabase.SupabaseClient;
import com.storymimi.studio.supabase.SupabaseConfig;
import com.storymimi.studio.supabase.storage.PendingUpload;
import com.storymimi.studio.supabase.storage.ResumableUpload;
import com.storymimi.studio.supabase.storage.UploadOptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The crash suite (issue #19): the sandbox runs in its own process and is killed with SIGKILL in the middle of
 * plain uploads, a resumable (TUS) upload and atomic batch creates, then started again on the same data
 * directory. After every restart: SQLite's integrity check passes, every batch story has all of its scenes or
 * does not exist, every listed object downloads whole and equal to what was sent, a half-sent TUS upload is
 * not visible, and the app's client resumes it to the end. {@code ./studio test} runs a few cycles; the soak
 * ({@code -Dstorymimi.soak.crashCycles=100}) runs more.
 */
class CrashRecoveryTest {

    private static final int SCENES = 40;
    private static final byte[] PNG = pngOf(2 * 1024 * 1024);

    @TempDir
    Path dataDir;
    @TempDir
    Path work;

    private final Random random = new Random(19);

    @Test
    void killMinusNineMidUploadAndMidBatchLeavesAConsistentSandboxAndTusResumes() throws Exception {
        int cycles = Integer.getInteger("storymimi.soak.crashCycles", 4);
        Path audio = work.resolve("narration.mp3");
        byte[] mp3 = mp3Of(48 * 1024 * 1024);
        Files.write(audio, mp3);
        Path image = work.resolve("scene.png");
        Files.write(image, PNG);
        Path uploadState = work.resolve("uploads");
        int resumed = 0;
        int killedMidTus = 0;
        int stories = 0;
        int images = 0;
        for (int cycle = 0; cycle < cycles; cycle++) {
            try (SandboxChild child = SandboxChild.start(dataDir); SupabaseClient client = signedIn(child, uploadState)) {
                AtomicBoolean running = new AtomicBoolean(true);
                ExecutorService workers = Executors.newVirtualThreadPerTaskExecutor();
                AtomicInteger batches = new AtomicInteger();
                workers.submit(() -> batchesUntilKilled(client, running, batches));
                String prefix = "crash/c" + cycle;
                workers.submit(() -> uploadsUntilKilled(client, image, prefix, running));
                ResumableUpload tus = client.storage().resumable()
                        .prepare("story-audio", "crash/tus-" + cycle + ".mp3", audio, UploadOptions.defaults()).join();
                CompletableFuture<?> tusDone = tus.start();
                Thread.sleep(100 + random.nextInt(400));
                // then as soon as the server has confirmed a chunk of the narration: kill it between chunks
                while (!tusDone.isDone() && tus.offset() == 0) {
                    Thread.sleep(1);
                }
                running.set(false);
                if (!tusDone.isDone()) {
                    killedMidTus++;
                }
                child.kill();
                workers.shutdownNow();
                workers.awaitTermination(10, TimeUnit.SECONDS);
            }
            try (SandboxChild child = SandboxChild.start(dataDir); SupabaseClient client = signedIn(child, uploadState)) {
                assertIntegrity(dataDir.resolve("sandbox.db"));
                SandboxHttp http = new SandboxHttp(child.url);
                stories = assertBatchesAreWhole(http, child);
                // the images of this cycle's kill (earlier cycles' were checked after their own kill)
                images += assertObjectsAreWhole(http, child, "story-images", "crash/c" + cycle, PNG);
                String key = "crash/tus-" + cycle + ".mp3";
                List<PendingUpload> pending = client.storage().resumable().pending().join();
                if (!pending.isEmpty()) {
                    assertNotEquals(200, http.sendBytes("GET", "/storage/v1/object/story-audio/" + key, null,
                            "apikey", child.serviceKey, "Authorization", "Bearer " + child.serviceKey).statusCode(),
                            "a half-sent TUS upload is not visible");
                    for (PendingUpload upload : pending) {
                        client.storage().resumable().restore(upload, null).join().start().get(60, TimeUnit.SECONDS);
                        resumed++;
                    }
                }
                HttpResponse<byte[]> whole = http.sendBytes("GET", "/storage/v1/object/story-audio/" + key, null,
                        "apikey", child.serviceKey, "Authorization", "Bearer " + child.serviceKey);
                if (whole.statusCode() == 200 || !pending.isEmpty()) {
                    assertEquals(200, whole.statusCode());
                    assertArrayEquals(sha256(mp3), sha256(whole.body()), "the resumed narration is byte for byte");
                }
                assertTrue(client.storage().resumable().pending().join().isEmpty(), "nothing left pending");
                // checked: remove the 48 MiB narration so that a 100-cycle soak does not fill the disk
                client.storage().from("story-audio").remove(List.of(key)).join();
            }
        }
        System.out.printf("crash suite: %d cycles, %d killed mid-TUS, %d resumed, %d whole batch stories, %d images checked whole%n",
                cycles, killedMidTus, resumed, stories, images);
        assertTrue(stories > 0 && images > 0, "the kills hit a sandbox that was writing batches and images");
        assertTrue(cycles < 2 || killedMidTus > 0, "at least one kill hit a TUS upload in flight");
    }

    private static SupabaseClient signedIn(SandboxChild child, Path uploadState) {
        SupabaseClient client = SupabaseClient.builder(new SupabaseConfig(child.url, child.anonKey, Duration.ofSeconds(10)))
                .uploadStateDirectory(uploadState).build();
        client.auth().signInWithPassword(child.editorEmail, child.editorPassword).join();
        return client;
    }

    private static void batchesUntilKilled(SupabaseClient client, AtomicBoolean running, AtomicInteger batches) {
        while (running.get()) {
            List<Map<String, Object>> scenes = new ArrayList<>();
            for (int i = 1; i <= SCENES; i++) {
                scenes.add(Map.of("sequence", i, "text", "scene " + i + " " + "text ".repeat(40)));
            }
            try {
                client.rest().rpc("create_story_with_scenes", Map.of(
                        "story", Map.of("title", "crash batch " + batches.incrementAndGet(), "prompt", "crash-batch"),
                        "scenes", scenes)).execute().join();
            } catch (RuntimeException killed) {
                return;
            }
        }
    }

    private static void uploadsUntilKilled(SupabaseClient client, Path image, String prefix, AtomicBoolean running) {
        while (running.get()) {
            try {
                client.storage().from("story-images").upload(prefix + "/" + System.nanoTime() + ".png", image,
                        UploadOptions.defaults()).join();
            } catch (RuntimeException killed) {
                return;
            }
        }
    }

    private static void assertIntegrity(Path database) throws Exception {
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:file:" + database + "?mode=ro");
             ResultSet rs = connection.createStatement().executeQuery("PRAGMA integrity_check")) {
            assertTrue(rs.next());
            assertEquals("ok", rs.getString(1));
        }
    }

    /** @return how many batch stories there are, each checked whole */
    private static int assertBatchesAreWhole(SandboxHttp http, SandboxChild child) {
        HttpResponse<String> stories = http.send("GET", "/rest/v1/stories?select=title,scenes(scene_id)&prompt=eq.crash-batch",
                null, "apikey", child.serviceKey, "Authorization", "Bearer " + child.serviceKey);
        assertEquals(200, stories.statusCode(), stories.body());
        JsonArray all = JsonParser.parseString(stories.body()).getAsJsonArray();
        for (JsonElement story : all) {
            JsonArray scenes = story.getAsJsonObject().getAsJsonArray("scenes");
            assertEquals(SCENES, scenes.size(), "a batch is all or nothing: " + story.getAsJsonObject().get("title"));
        }
        return all.size();
    }

    /** @return how many objects are listed under the prefix, each checked whole */
    private static int assertObjectsAreWhole(SandboxHttp http, SandboxChild child, String bucket, String prefix,
                                             byte[] expected) throws Exception {
        HttpResponse<String> listing = http.send("POST", "/storage/v1/object/list/" + bucket,
                "{\"prefix\":\"" + prefix + "\",\"limit\":1000}", "apikey", child.serviceKey,
                "Authorization", "Bearer " + child.serviceKey, "Content-Type", "application/json");
        assertEquals(200, listing.statusCode(), listing.body());
        int whole = 0;
        for (JsonElement entry : JsonParser.parseString(listing.body()).getAsJsonArray()) {
            String name = entry.getAsJsonObject().get("name").getAsString();
            if (!name.endsWith(".png")) {
                continue;
            }
            whole++;
            HttpResponse<byte[]> object = http.sendBytes("GET", "/storage/v1/object/" + bucket + "/" + prefix + "/" + name,
                    null, "apikey", child.serviceKey, "Authorization", "Bearer " + child.serviceKey);
            assertEquals(200, object.statusCode(), name);
            assertArrayEquals(sha256(expected), sha256(object.body()), "object " + name + " is whole");
        }
        return whole;
    }

    private static byte[] sha256(byte[] bytes) throws Exception {
        return MessageDigest.getInstance("SHA-256").digest(bytes);
    }

    private static byte[] pngOf(int size) {
        byte[] bytes = new byte[size];
        new Random(1).nextBytes(bytes);
        byte[] magic = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};
        System.arraycopy(magic, 0, bytes, 0, magic.length);
        return bytes;
    }

    private static byte[] mp3Of(int size) {
        byte[] bytes = new byte[size];
        new Random(2).nextBytes(bytes);
        bytes[0] = 'I';
        bytes[1] = 'D';
        bytes[2] = '3';
        return bytes;
    }
}
