package com.storymimi.studio.supabase.storage;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.storymimi.studio.supabase.SupabaseClient;
import com.storymimi.studio.supabase.error.StorageException;
import com.storymimi.studio.supabase.error.SupabaseException;
import com.storymimi.studio.supabase.testing.ScriptedServer;
import com.storymimi.studio.supabase.testing.ScriptedServer.Recorded;
import com.storymimi.studio.supabase.testing.ScriptedServer.Scripted;
import com.storymimi.studio.supabase.testing.TestClients;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The exact Storage object requests the client sends, and how it reads the answers. */
class StorageFilesTest {

    private static final byte[] PNG_HEAD = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};

    @TempDir
    Path dir;
    private ScriptedServer server;
    private SupabaseClient client;
    private StorageFiles images;

    @BeforeEach
    void start() throws Exception {
        server = new ScriptedServer();
        client = TestClients.client(server);
        images = client.storage().from("story-images");
    }

    @AfterEach
    void stop() {
        client.close();
        server.close();
    }

    private Path png(int size) throws Exception {
        byte[] bytes = new byte[size];
        System.arraycopy(PNG_HEAD, 0, bytes, 0, PNG_HEAD.length);
        for (int i = PNG_HEAD.length; i < size; i++) {
            bytes[i] = (byte) i;
        }
        return Files.write(dir.resolve("scene.png"), bytes);
    }

    private static StorageException storageFailure(Runnable call) {
        CompletionException thrown = assertThrows(CompletionException.class, call::run);
        return assertInstanceOf(StorageException.class, SupabaseException.unwrap(thrown).orElseThrow());
    }

    @Test
    void uploadStreamsTheFileWithDetectedTypeAndReportsProgressUpToTheSize() throws Exception {
        Path file = png(200_000);
        server.enqueue(Scripted.json(200, "{\"Id\":\"id-1\",\"Key\":\"story-images/s 1/a+b.png\"}"));
        List<TransferProgress> progress = new CopyOnWriteArrayList<>();

        ObjectRef ref = images.upload("s 1/a+b.png", file, UploadOptions.defaults().withProgress(progress::add)).join();

        Recorded request = server.onlyRequest();
        assertEquals("POST", request.method());
        assertEquals("/storage/v1/object/story-images/s%201/a%2Bb.png", request.rawPath());
        assertEquals("image/png", request.header("Content-Type"));
        assertEquals("max-age=3600", request.header("Cache-Control"));
        assertEquals("false", request.header("x-upsert"));
        assertEquals("Bearer " + TestClients.API_KEY, request.header("Authorization"));
        assertArrayEquals(Files.readAllBytes(file), request.bytes());
        assertEquals(new ObjectRef("id-1", "s 1/a+b.png", "story-images/s 1/a+b.png"), ref);
        assertFalse(progress.isEmpty());
        assertEquals(200_000, progress.getLast().bytesSent());
        assertEquals(200_000, progress.getLast().totalBytes());
        for (int i = 1; i < progress.size(); i++) {
            assertTrue(progress.get(i).bytesSent() >= progress.get(i - 1).bytesSent(), "progress went backwards");
        }
    }

    @Test
    void givenTypeAndUpsertAreSentAsGiven() throws Exception {
        Path file = png(100);
        server.enqueue(Scripted.json(200, "{\"Id\":\"x\",\"Key\":\"story-images/a.png\"}"));

        images.upload("a.png", file, UploadOptions.defaults().withContentType("image/jpeg").withUpsert(true)
                .withCacheControl(Duration.ofMinutes(1))).join();

        Recorded request = server.onlyRequest();
        assertEquals("image/jpeg", request.header("Content-Type"));
        assertEquals("true", request.header("x-upsert"));
        assertEquals("max-age=60", request.header("Cache-Control"));
    }

    @Test
    void updatePutsTheFile() throws Exception {
        server.enqueue(Scripted.json(200, "{\"Id\":\"x\",\"Key\":\"story-images/a.png\"}"));

        images.update("a.png", png(64), UploadOptions.defaults()).join();

        assertEquals("PUT", server.onlyRequest().method());
        assertEquals("/storage/v1/object/story-images/a.png", server.onlyRequest().rawPath());
    }

    @Test
    void missingFileFailsWithoutARequest() {
        CompletionException thrown = assertThrows(CompletionException.class,
                () -> images.upload("a.png", dir.resolve("nope.png"), UploadOptions.defaults()).join());

        assertInstanceOf(IllegalArgumentException.class, thrown.getCause());
        assertTrue(server.requests().isEmpty());
    }

    @Test
    void keysStorageWouldRefuseFailBeforeAnyRequest() {
        for (String bad : List.of("über.png", "a/../b.png", "a%2F.png", "a#b.png", "/a.png", "a//b.png", "")) {
            assertThrows(IllegalArgumentException.class, () -> images.downloadBytes(bad), bad);
        }
        assertTrue(server.requests().isEmpty());
    }

    @Test
    void downloadGoesToATempFileAndIsMovedOverTheTarget() throws Exception {
        Path target = Files.writeString(dir.resolve("old.mp3"), "old content");
        server.enqueue(Scripted.json(200, "new content").header("Content-Type", "audio/mpeg"));

        Path result = images.download("s/a.mp3", target).join();

        assertEquals(target, result);
        assertEquals("new content", Files.readString(target));
        assertEquals("/storage/v1/object/story-images/s/a.mp3", server.onlyRequest().rawPath());
        try (var files = Files.list(dir)) {
            assertEquals(List.of(target), files.toList(), "no temp file left behind");
        }
    }

    @Test
    void failedDownloadKeepsTheOldFileAndLeavesNoTempFile() throws Exception {
        Path target = Files.writeString(dir.resolve("old.mp3"), "old content");
        server.enqueue(Scripted.json(400, "{\"statusCode\":\"404\",\"error\":\"not_found\",\"message\":\"Object not found\","
                + "\"code\":\"NoSuchKey\"}"));

        StorageException error = storageFailure(() -> images.download("s/a.mp3", target).join());

        assertEquals("404", error.statusCode());
        assertEquals("NoSuchKey", error.code());
        assertEquals("old content", Files.readString(target));
        try (var files = Files.list(dir)) {
            assertEquals(List.of(target), files.toList());
        }
    }

    @Test
    void existsIsFalseOn400And404AndTrueOn200() {
        server.enqueue(Scripted.status(200), Scripted.status(400), Scripted.status(404));

        assertTrue(images.exists("a.png").join());
        assertFalse(images.exists("a.png").join());
        assertFalse(images.exists("a.png").join());
        assertEquals("HEAD", server.request(0).method());
    }

    @Test
    void existsFailsOnOtherErrors() {
        server.enqueue(Scripted.status(500));

        assertThrows(CompletionException.class, () -> images.exists("a.png").join());
    }

    @Test
    void infoReadsTheObjectRow() {
        server.enqueue(Scripted.json(200, "{\"id\":\"i\",\"name\":\"a.png\",\"bucket_id\":\"story-images\",\"size\":12,"
                + "\"content_type\":\"image/png\",\"cache_control\":\"max-age=3600\",\"etag\":\"\\\"e\\\"\","
                + "\"metadata\":{},\"last_modified\":\"2021-02-17T04:43:32.770Z\",\"created_at\":\"2021-02-17T04:43:32.770Z\"}"));

        ObjectInfo info = images.info("a.png").join();

        assertEquals("/storage/v1/object/info/story-images/a.png", server.onlyRequest().rawPath());
        assertEquals(12L, info.size());
        assertEquals("image/png", info.contentType());
    }

    @Test
    void listPostsPrefixPagingSortAndSearch() {
        server.enqueue(Scripted.json(200, "[{\"name\":\"s1\",\"id\":null,\"metadata\":null},"
                + "{\"name\":\"a.png\",\"id\":\"i\",\"updated_at\":\"2021-02-17T04:43:32.770Z\","
                + "\"metadata\":{\"size\":12345,\"mimetype\":\"image/png\"}}]"));

        List<StorageObject> entries = images.list("stories/42/", ListOptions.DEFAULT.withPage(10, 20)
                .withSortBy(new ListOptions.SortBy("created_at", false)).withSearch("a")).join();

        Recorded request = server.onlyRequest();
        assertEquals("/storage/v1/object/list/story-images", request.rawPath());
        assertEquals(JsonParser.parseString("{\"prefix\":\"stories/42/\",\"limit\":10,\"offset\":20,"
                + "\"sortBy\":{\"column\":\"created_at\",\"order\":\"desc\"},\"search\":\"a\"}"),
                JsonParser.parseString(request.body()));
        assertTrue(entries.get(0).isFolder());
        assertEquals(12345L, entries.get(1).size().orElseThrow());
        assertEquals("image/png", entries.get(1).mimeType().orElseThrow());
    }

    @Test
    void removeSendsExactNamesInBatchesOfAThousand() {
        List<String> keys = IntStream.range(0, 1001).mapToObj(i -> "s/" + i + ".png").toList();
        server.enqueue(Scripted.json(200, "[{\"name\":\"s/0.png\",\"id\":\"a\"}]"), Scripted.json(200, "[]"));

        List<StorageObject> removed = images.remove(keys).join();

        assertEquals(2, server.requests().size());
        Recorded first = server.request(0);
        assertEquals("DELETE", first.method());
        assertEquals("/storage/v1/object/story-images", first.rawPath());
        assertEquals("application/json", first.header("Content-Type"));
        assertEquals(1000, JsonParser.parseString(first.body()).getAsJsonObject().getAsJsonArray("prefixes").size());
        assertEquals("[\"s/1000.png\"]",
                JsonParser.parseString(server.request(1).body()).getAsJsonObject().get("prefixes").toString());
        assertEquals(1, removed.size());
    }

    @Test
    void moveAndCopyNameBucketAndKeys() {
        server.enqueue(Scripted.json(200, "{\"message\":\"Successfully moved\"}"),
                Scripted.json(200, "{\"Id\":\"c\",\"Key\":\"story-images/b.png\"}"));

        images.move("a.png", "b.png").join();
        ObjectRef copy = images.copy("b.png", "c.png").join();

        assertEquals("/storage/v1/object/move", server.request(0).rawPath());
        JsonObject move = JsonParser.parseString(server.request(0).body()).getAsJsonObject();
        assertEquals("story-images", move.get("bucketId").getAsString());
        assertEquals("a.png", move.get("sourceKey").getAsString());
        assertEquals("b.png", move.get("destinationKey").getAsString());
        assertEquals("/storage/v1/object/copy", server.request(1).rawPath());
        assertEquals("c", copy.id());
    }

    @Test
    void publicUrlIsBuiltLocallyWithEncodedSegments() {
        URI url = images.publicUrl("story 1/scene?1&x=y;z.png");

        assertEquals(server.uri() + "/storage/v1/object/public/story-images/story%201/scene%3F1%26x%3Dy%3Bz.png",
                url.toString());
        assertTrue(server.requests().isEmpty());
    }

    @Test
    void signedUrlIsMadeAbsolute() {
        server.enqueue(Scripted.json(200, "{\"signedURL\":\"/object/sign/story-images/a.png?token=abc\"}"));

        URI url = images.createSignedUrl("a.png", Duration.ofMinutes(10)).join();

        assertEquals(URI.create(server.uri() + "/storage/v1/object/sign/story-images/a.png?token=abc"), url);
        Recorded request = server.onlyRequest();
        assertEquals("/storage/v1/object/sign/story-images/a.png", request.rawPath());
        assertEquals("{\"expiresIn\":600}", request.body());
    }

    @Test
    void batchSignedUrlsKeepPerPathErrors() {
        server.enqueue(Scripted.json(200, "[{\"error\":null,\"path\":\"a.png\",\"signedURL\":\"/object/sign/story-images/a.png?token=t\"},"
                + "{\"error\":\"Either the object does not exist or you do not have access to it\",\"path\":\"b.png\",\"signedURL\":null}]"));

        List<SignedUrl> urls = images.createSignedUrls(List.of("a.png", "b.png"), Duration.ofSeconds(60)).join();

        assertEquals("/storage/v1/object/sign/story-images", server.onlyRequest().rawPath());
        assertEquals(URI.create(server.uri() + "/storage/v1/object/sign/story-images/a.png?token=t"), urls.get(0).url());
        assertNull(urls.get(1).url());
        assertTrue(urls.get(1).error().contains("does not exist"));
    }

    @Test
    void signedUploadUrlThenUploadWithTheTokenOnly() throws Exception {
        server.enqueue(Scripted.json(200, "{\"url\":\"/object/upload/sign/story-images/a.png?token=tok-SECRET\",\"token\":\"tok-SECRET\"}"),
                Scripted.json(200, "{\"Key\":\"story-images/a.png\"}"));

        SignedUploadUrl signed = images.createSignedUploadUrl("a.png", true).join();
        ObjectRef ref = images.uploadToSignedUrl(signed, png(32), UploadOptions.defaults()).join();

        assertEquals("/storage/v1/object/upload/sign/story-images/a.png", server.request(0).rawPath());
        assertEquals("true", server.request(0).header("x-upsert"));
        assertFalse(signed.toString().contains("tok-SECRET"));
        Recorded upload = server.request(1);
        assertEquals("PUT", upload.method());
        assertEquals("token=tok-SECRET", upload.rawQuery());
        assertEquals("image/png", upload.header("Content-Type"));
        assertEquals("story-images/a.png", ref.fullPath());
    }

    @Test
    void storageErrorsCarryTheBodyStatusCodeNotTheHttpStatus() throws Exception {
        server.enqueue(Scripted.json(400, "{\"statusCode\":\"409\",\"error\":\"Duplicate\",\"message\":\"The resource already exists\"}"));

        StorageException error = storageFailure(() -> images.upload("a.png", pngUnchecked(), UploadOptions.defaults()).join());

        assertEquals(400, error.status());
        assertEquals("409", error.statusCode());
    }

    @Test
    void bare413FromAProxyStillReadsAs413() throws Exception {
        server.enqueue(Scripted.status(413), Scripted.json(413, "<html><body>413 Request Entity Too Large</body></html>"));

        StorageException empty = storageFailure(() -> images.upload("a.png", pngUnchecked(), UploadOptions.defaults()).join());
        StorageException html = storageFailure(() -> images.upload("a.png", pngUnchecked(), UploadOptions.defaults()).join());

        assertEquals("413", empty.statusCode());
        assertEquals("413", html.statusCode());
        assertEquals(2, server.requests().size(), "a POST upload is never retried");
    }

    private Path pngUnchecked() {
        try {
            return png(16);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
