package com.storymimi.studio.local.storage;

import com.storymimi.studio.local.SandboxFixture;
import com.storymimi.studio.local.storage.StorageClient.As;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Random;

import static com.storymimi.studio.local.SandboxFixture.header;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** TUS resumable uploads at /storage/v1/upload/resumable, over real HTTP, including a sandbox restart. */
class TusUploadTest {

    private static final int CHUNK = 6 * 1024 * 1024;
    private static final String OFFSET_STREAM = "application/offset+octet-stream";

    @TempDir
    Path dataDir;

    private static String metadata(String bucket, String key, String contentType) {
        Base64.Encoder b64 = Base64.getEncoder();
        return "bucketName " + b64.encodeToString(bucket.getBytes(StandardCharsets.UTF_8))
                + ",objectName " + b64.encodeToString(key.getBytes(StandardCharsets.UTF_8))
                + ",contentType " + b64.encodeToString(contentType.getBytes(StandardCharsets.UTF_8))
                + ",cacheControl " + b64.encodeToString("60".getBytes(StandardCharsets.UTF_8));
    }

    private static HttpResponse<byte[]> create(StorageClient storage, As as, long length, String key, String... extra) {
        String[] headers = new String[6 + extra.length];
        System.arraycopy(new String[] {"Tus-Resumable", "1.0.0", "Upload-Length", Long.toString(length),
                "Upload-Metadata", metadata("story-audio", key, "audio/mpeg")}, 0, headers, 0, 6);
        System.arraycopy(extra, 0, headers, 6, extra.length);
        return storage.send(as, "POST", "/upload/resumable", null, headers);
    }

    /** The upload's path below /storage/v1, taken from the absolute Location. */
    private static String uploadPath(HttpResponse<byte[]> created) {
        return URI.create(header(created, "Location")).getPath().substring("/storage/v1".length());
    }

    private static HttpResponse<byte[]> patch(StorageClient storage, String path, long offset, byte[] chunk) {
        return storage.send(As.EDITOR, "PATCH", path, chunk, "Tus-Resumable", "1.0.0",
                "Upload-Offset", Long.toString(offset), "Content-Type", OFFSET_STREAM);
    }

    private static HttpResponse<byte[]> head(StorageClient storage, String path) {
        return storage.send(As.EDITOR, "HEAD", path, null, "Tus-Resumable", "1.0.0");
    }

    @Test
    void anUploadResumesAfterARestartAndAppearsOnlyWhenComplete() throws Exception {
        byte[] content = new byte[CHUNK + 1000];
        new Random(7).nextBytes(content);
        String path;
        try (SandboxFixture fx = new SandboxFixture(dataDir)) {
            StorageClient storage = new StorageClient(fx);
            HttpResponse<byte[]> created = create(storage, As.EDITOR, content.length, "long/narration.mp3");
            path = uploadPath(created);
            HttpResponse<byte[]> first = patch(storage, path, 0, Arrays.copyOf(content, CHUNK));

            assertEquals(201, created.statusCode(), StorageClient.text(created));
            assertEquals("1.0.0", header(created, "Tus-Resumable"));
            assertEquals(204, first.statusCode(), StorageClient.text(first));
            assertEquals(Integer.toString(CHUNK), header(first, "Upload-Offset"));
            assertEquals(400, storage.send(As.EDITOR, "HEAD", "/object/story-audio/long/narration.mp3", null).statusCode(),
                    "an incomplete upload is not an object");
        }
        try (SandboxFixture fx = new SandboxFixture(dataDir)) {
            StorageClient storage = new StorageClient(fx);
            HttpResponse<byte[]> resumed = head(storage, path);
            HttpResponse<byte[]> wrongOffset = patch(storage, path, 0, Arrays.copyOfRange(content, CHUNK, content.length));
            HttpResponse<byte[]> last = patch(storage, path, CHUNK, Arrays.copyOfRange(content, CHUNK, content.length));
            HttpResponse<byte[]> download = storage.send(As.EDITOR, "GET", "/object/story-audio/long/narration.mp3", null);

            assertEquals(200, resumed.statusCode());
            assertEquals(Integer.toString(CHUNK), header(resumed, "Upload-Offset"));
            assertEquals(Integer.toString(content.length), header(resumed, "Upload-Length"));
            assertEquals("no-store", header(resumed, "Cache-Control"));
            assertEquals(409, wrongOffset.statusCode());
            assertEquals(204, last.statusCode(), StorageClient.text(last));
            assertEquals(Integer.toString(content.length), header(last, "Upload-Offset"));
            assertArrayEquals(content, download.body());
            assertEquals("\"" + HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(content)) + "\"",
                    header(download, "ETag"));
            assertEquals("max-age=60", header(download, "Cache-Control"));
            assertEquals(404, head(storage, path).statusCode(), "a finished upload is gone");
            try (var left = Files.list(dataDir.resolve("objects/uploads"))) {
                assertEquals(0, left.count(), "no partial file is left");
            }
        }
    }

    @Test
    void everyChunkButTheLastMustBeSixMebibytes() {
        try (SandboxFixture fx = new SandboxFixture(dataDir)) {
            StorageClient storage = new StorageClient(fx);
            String path = uploadPath(create(storage, As.EDITOR, CHUNK + 10L, "rule.mp3"));

            HttpResponse<byte[]> small = patch(storage, path, 0, new byte[1024 * 1024]);
            HttpResponse<byte[]> after = head(storage, path);

            assertEquals(400, small.statusCode());
            assertTrue(StorageClient.text(small).contains("6 MiB"), StorageClient.text(small));
            assertEquals("0", header(after, "Upload-Offset"), "a refused chunk is not kept");
        }
    }

    @Test
    void creationWithDataFinishesASmallUploadAndTheUrlExpiresInAnHour() {
        try (SandboxFixture fx = new SandboxFixture(dataDir)) {
            StorageClient storage = new StorageClient(fx);
            byte[] content = "ten bytes!".getBytes(StandardCharsets.UTF_8);

            HttpResponse<byte[]> created = storage.send(As.EDITOR, "POST", "/upload/resumable", content,
                    "Tus-Resumable", "1.0.0", "Upload-Length", "10", "Content-Type", OFFSET_STREAM,
                    "Upload-Metadata", metadata("story-audio", "small.mp3", "audio/mpeg"));

            assertEquals(201, created.statusCode(), StorageClient.text(created));
            assertEquals("10", header(created, "Upload-Offset"));
            ZonedDateTime expires = ZonedDateTime.parse(header(created, "Upload-Expires"), DateTimeFormatter.RFC_1123_DATE_TIME);
            Duration left = Duration.between(ZonedDateTime.now(), expires);
            assertTrue(left.compareTo(Duration.ofMinutes(58)) > 0 && left.compareTo(Duration.ofMinutes(61)) < 0, left::toString);
            assertArrayEquals(content, storage.send(As.EDITOR, "GET", "/object/story-audio/small.mp3", null).body());
        }
    }

    @Test
    void creationIsRefusedWithRealStatusesAndPlainText() {
        try (SandboxFixture fx = new SandboxFixture(dataDir)) {
            StorageClient storage = new StorageClient(fx);
            storage.upload(As.EDITOR, "story-audio/exists.mp3", new byte[] {1}, "audio/mpeg");

            HttpResponse<byte[]> exists = create(storage, As.EDITOR, 5, "exists.mp3");
            HttpResponse<byte[]> upsert = create(storage, As.EDITOR, 5, "exists.mp3", "x-upsert", "true");
            HttpResponse<byte[]> tooLarge = create(storage, As.EDITOR, 50L * 1024 * 1024 + 1, "huge.mp3");
            HttpResponse<byte[]> anon = create(storage, As.ANON, 5, "anon.mp3");
            HttpResponse<byte[]> noVersion = storage.send(As.EDITOR, "POST", "/upload/resumable", null, "Upload-Length", "5");

            assertEquals(409, exists.statusCode());
            assertEquals("The resource already exists", StorageClient.text(exists));
            assertEquals(201, upsert.statusCode());
            assertEquals(413, tooLarge.statusCode());
            assertEquals(403, anon.statusCode());
            assertEquals("new row violates row-level security policy", StorageClient.text(anon));
            assertEquals(412, noVersion.statusCode());
        }
    }

    @Test
    void optionsAdvertisesVersionAndExtensions() {
        try (SandboxFixture fx = new SandboxFixture(dataDir)) {
            HttpResponse<byte[]> options = new StorageClient(fx).send(As.NOBODY, "OPTIONS", "/upload/resumable", null);

            assertEquals(204, options.statusCode());
            assertEquals("1.0.0", header(options, "Tus-Version"));
            assertTrue(header(options, "Tus-Extension").contains("creation-with-upload"));
        }
    }
}
