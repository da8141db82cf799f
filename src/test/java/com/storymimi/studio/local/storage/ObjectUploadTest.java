package com.storymimi.studio.local.storage;

import com.google.gson.JsonObject;
import com.storymimi.studio.local.SandboxFixture;
import com.storymimi.studio.local.storage.StorageClient.As;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Base64;
import java.util.stream.Stream;

import static com.storymimi.studio.local.SandboxFixture.header;
import static com.storymimi.studio.local.storage.StorageClient.assertStorageError;
import static com.storymimi.studio.local.storage.StorageClient.object;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Raw and multipart uploads, metadata, limits and failed uploads, over real HTTP. */
class ObjectUploadTest {

    private static final String BOUNDARY = "----formdata-undici-0123456789";

    @TempDir
    static Path dataDir;
    static SandboxFixture fx;
    static StorageClient storage;

    @BeforeAll
    static void start() {
        fx = new SandboxFixture(dataDir);
        storage = new StorageClient(fx);
        storage.createBucket("{\"name\":\"small\",\"file_size_limit\":100,\"allowed_mime_types\":[\"text/plain\",\"image/*\"]}");
        storage.createBucket("{\"name\":\"docs\"}");
    }

    @AfterAll
    static void stop() {
        fx.close();
    }

    /** The body storage-js builds for a Blob: cacheControl and metadata fields, then the file with an empty name. */
    private static byte[] storageJsForm(byte[] file, String fileType, String cacheControl, String metadataJson) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        String head = "--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"cacheControl\"\r\n\r\n" + cacheControl + "\r\n";
        if (metadataJson != null) {
            head += "--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"metadata\"\r\n\r\n" + metadataJson + "\r\n";
        }
        head += "--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"\"; filename=\"blob\"\r\nContent-Type: "
                + fileType + "\r\n\r\n";
        out.writeBytes(head.getBytes(StandardCharsets.UTF_8));
        out.writeBytes(file);
        out.writeBytes(("\r\n--" + BOUNDARY + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return out.toByteArray();
    }

    private static JsonObject info(String bucketAndKey) {
        return object(storage.send(As.EDITOR, "GET", "/object/info/" + bucketAndKey, null));
    }

    @Test
    void aMultipartUploadAsStorageJsSendsItStoresTheFileAndItsFields() {
        // bytes that contain CRLF and dashes, so a sloppy boundary search would cut the file short
        byte[] file = "line one\r\n--not-a-boundary\r\n\r\nend".getBytes(StandardCharsets.UTF_8);

        HttpResponse<byte[]> uploaded = storage.send(As.EDITOR, "POST", "/object/docs/forms/a.txt",
                storageJsForm(file, "text/markdown", "3600", "{\"scene\":7}"),
                "Content-Type", "multipart/form-data; boundary=" + BOUNDARY);
        HttpResponse<byte[]> download = storage.send(As.EDITOR, "GET", "/object/docs/forms/a.txt", null);
        JsonObject info = info("docs/forms/a.txt");

        assertEquals(200, uploaded.statusCode(), StorageClient.text(uploaded));
        assertEquals("docs/forms/a.txt", object(uploaded).get("Key").getAsString());
        assertArrayEquals(file, download.body());
        assertEquals("text/markdown", header(download, "Content-Type"));
        assertEquals("max-age=3600", header(download, "Cache-Control"));
        assertEquals(7, info.getAsJsonObject("metadata").get("scene").getAsInt());
        assertEquals(file.length, info.get("size").getAsLong());
    }

    @Test
    void aMultipartFormWithoutAFileIsNoContent() {
        byte[] form = ("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"cacheControl\"\r\n\r\n60\r\n--"
                + BOUNDARY + "--\r\n").getBytes(StandardCharsets.UTF_8);

        HttpResponse<byte[]> response = storage.send(As.EDITOR, "POST", "/object/docs/forms/none.txt", form,
                "Content-Type", "multipart/form-data; boundary=" + BOUNDARY);

        assertStorageError(response, "400", "InvalidRequest", "InvalidRequest", "No content provided");
    }

    @Test
    void aRawUploadStoresMetadataHeaderAndDefaultsCacheControlToNoCache() {
        String metadata = Base64.getEncoder().encodeToString("{\"by\":\"editor\"}".getBytes(StandardCharsets.UTF_8));

        HttpResponse<byte[]> uploaded = storage.upload(As.EDITOR, "docs/raw/n.txt", "hello".getBytes(StandardCharsets.UTF_8),
                "text/plain", "x-metadata", metadata);
        JsonObject info = info("docs/raw/n.txt");

        assertEquals(200, uploaded.statusCode());
        assertEquals("no-cache", info.get("cache_control").getAsString());
        assertEquals("editor", info.getAsJsonObject("metadata").get("by").getAsString());
        assertEquals("\"5d41402abc4b2a76b9719d911017c592\"", info.get("etag").getAsString(), "quoted MD5 of 'hello'");
        assertTrue(info.get("created_at").getAsString().endsWith("Z"));
        assertEquals("text/plain", info.get("content_type").getAsString());
    }

    @Test
    void putUpsertsAndPostWithoutUpsertRefusesAnExistingKey() {
        storage.upload(As.EDITOR, "docs/up/x.txt", new byte[] {1}, "text/plain");

        HttpResponse<byte[]> again = storage.upload(As.EDITOR, "docs/up/x.txt", new byte[] {2}, "text/plain");
        HttpResponse<byte[]> put = storage.send(As.EDITOR, "PUT", "/object/docs/up/x.txt", new byte[] {3, 3},
                "Content-Type", "text/plain");
        HttpResponse<byte[]> download = storage.send(As.EDITOR, "GET", "/object/docs/up/x.txt", null);

        assertStorageError(again, "409", "KeyAlreadyExists", "Duplicate", "The resource already exists");
        assertEquals(200, put.statusCode());
        assertArrayEquals(new byte[] {3, 3}, download.body());
    }

    @Test
    void theBucketSizeLimitIsCheckedFromContentLengthAndForMultipartWhileStreaming() {
        HttpResponse<byte[]> raw = storage.upload(As.EDITOR, "small/big.txt", new byte[101], "text/plain");
        HttpResponse<byte[]> form = storage.send(As.EDITOR, "POST", "/object/small/big-form.txt",
                storageJsForm(new byte[101], "text/plain", "60", null),
                "Content-Type", "multipart/form-data; boundary=" + BOUNDARY);
        HttpResponse<byte[]> exact = storage.upload(As.EDITOR, "small/exact.txt", new byte[100], "text/plain");

        assertStorageError(raw, "413", "EntityTooLarge", "Payload too large", "The object exceeded the maximum allowed size");
        assertStorageError(form, "413", "EntityTooLarge", "Payload too large", null);
        assertEquals(200, exact.statusCode());
        assertEquals(400, storage.send(As.EDITOR, "HEAD", "/object/small/big-form.txt", null).statusCode());
    }

    @Test
    void mimeTypesAreComparedExactlyWithTypeWildcards() {
        assertEquals(200, storage.upload(As.EDITOR, "small/w.webp", new byte[] {1}, "image/webp").statusCode());
        assertStorageError(storage.upload(As.EDITOR, "small/p.txt", new byte[] {1}, "text/plain;charset=UTF-8"),
                "415", "InvalidMimeType", "invalid_mime_type", "mime type text/plain;charset=UTF-8 is not supported");
        assertStorageError(storage.upload(As.EDITOR, "small/a.mp3", new byte[] {1}, "audio/mpeg"),
                "415", "InvalidMimeType", "invalid_mime_type", "mime type audio/mpeg is not supported");
        assertEquals(200, storage.upload(As.EDITOR, "small/f/.emptyFolderPlaceholder", new byte[0],
                "application/octet-stream").statusCode(), "placeholders skip the mime check");
    }

    @Test
    void keyRulesFollowRealStorage() {
        assertEquals(200, storage.upload(As.EDITOR, "docs/My%20File%20(1).png", new byte[] {1}, "image/png").statusCode());
        assertEquals(200, storage.upload(As.EDITOR, "docs/a//b.png", new byte[] {1}, "image/png").statusCode());
        assertStorageError(storage.upload(As.EDITOR, "docs/%C3%BCber.png", new byte[] {1}, "image/png"),
                "400", "InvalidKey", "InvalidKey", "Invalid key: über.png");
        assertStorageError(storage.upload(As.EDITOR, "docs/..%2Fx.png", new byte[] {1}, "image/png"),
                "400", "InvalidKey", "InvalidKey", null);
        assertStorageError(storage.upload(As.EDITOR, "nope/x.png", new byte[] {1}, "image/png"),
                "404", "NoSuchBucket", "Bucket not found", "Bucket not found");
    }

    @Test
    void anonCannotUpload() {
        assertStorageError(storage.upload(As.ANON, "docs/anon.txt", new byte[] {1}, "text/plain"),
                "403", "AccessDenied", "Unauthorized", "new row violates row-level security policy");
    }

    @Test
    void aClientThatStopsHalfWayLeavesNoObjectAndNoHalfFile() throws Exception {
        try (Socket socket = new Socket(fx.sandbox.baseUrl().getHost(), fx.sandbox.baseUrl().getPort())) {
            OutputStream out = socket.getOutputStream();
            out.write(("POST /storage/v1/object/docs/cut.bin HTTP/1.1\r\nHost: 127.0.0.1\r\napikey: "
                    + fx.sandbox.anonKey() + "\r\nAuthorization: Bearer " + storage.editorToken()
                    + "\r\nContent-Type: application/octet-stream\r\nContent-Length: 200000\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.write(new byte[100_000]);
            out.flush();
        }

        waitUntilNoTempFiles();
        HttpResponse<byte[]> head = storage.send(As.EDITOR, "HEAD", "/object/docs/cut.bin", null);

        assertEquals(400, head.statusCode(), "HEAD on a missing object is a 400");
        assertEquals(0, head.body().length);
        assertEquals(0, dataFiles().filter(f -> f.toFile().length() == 100_000).count(), "no half file was committed");
    }

    private static void waitUntilNoTempFiles() throws Exception {
        Path temp = dataDir.resolve("objects/.tmp");
        for (int i = 0; i < 100; i++) {
            try (Stream<Path> files = Files.list(temp)) {
                if (files.findAny().isEmpty()) {
                    return;
                }
            }
            Thread.sleep(50);
        }
        throw new AssertionError("a temp file of the interrupted upload is still there: "
                + Arrays.toString(temp.toFile().list()));
    }

    private static Stream<Path> dataFiles() throws Exception {
        return Files.walk(dataDir.resolve("objects/data")).filter(Files::isRegularFile).toList().stream();
    }
}
