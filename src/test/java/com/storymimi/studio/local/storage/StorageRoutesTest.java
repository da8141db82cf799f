package com.storymimi.studio.local.storage;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.storymimi.studio.local.SandboxFixture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;

import static com.storymimi.studio.local.SandboxFixture.header;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/** The minimal Storage slice over real HTTP: uploads, public and authenticated downloads, key rules. */
class StorageRoutesTest {

    private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 1, 2, 3, 4, 5, 6, 7, 8};

    @TempDir
    static Path dataDir;
    static SandboxFixture fx;
    static String editorToken;

    @BeforeAll
    static void start() {
        fx = new SandboxFixture(dataDir);
        editorToken = fx.editorAccessToken();
    }

    @AfterAll
    static void stop() {
        fx.close();
    }

    private static HttpResponse<byte[]> upload(String bucketAndKey, byte[] bytes, String contentType, String... extra) {
        String[] headers = new String[6 + extra.length];
        headers[0] = "apikey";
        headers[1] = fx.sandbox.anonKey();
        headers[2] = "Authorization";
        headers[3] = "Bearer " + editorToken;
        headers[4] = "Content-Type";
        headers[5] = contentType;
        System.arraycopy(extra, 0, headers, 6, extra.length);
        return fx.http.sendBytes("POST", "/storage/v1/object/" + bucketAndKey, bytes, headers);
    }

    private static JsonObject json(HttpResponse<byte[]> response) {
        return JsonParser.parseString(new String(response.body(), StandardCharsets.UTF_8)).getAsJsonObject();
    }

    private static void assertStorageError(HttpResponse<byte[]> response, String statusCode, String code) {
        assertEquals(400, response.statusCode(), "Storage sends every non-500 error as HTTP 400");
        assertEquals(statusCode, json(response).get("statusCode").getAsString());
        assertEquals(code, json(response).get("code").getAsString());
    }

    @Test
    void anUploadedObjectIsServedFromItsPublicUrlWithItsMetadata() throws Exception {
        HttpResponse<byte[]> uploaded = upload("story-images/s1/scene-1.png", PNG, "image/png");

        HttpResponse<byte[]> download = fx.http.sendBytes("GET", "/storage/v1/object/public/story-images/s1/scene-1.png", null);
        HttpResponse<byte[]> head = fx.http.sendBytes("HEAD", "/storage/v1/object/public/story-images/s1/scene-1.png", null);

        assertEquals(200, uploaded.statusCode());
        assertEquals("story-images/s1/scene-1.png", json(uploaded).get("Key").getAsString());
        assertEquals(200, download.statusCode());
        assertArrayEquals(PNG, download.body());
        assertEquals("image/png", header(download, "Content-Type"));
        String md5 = HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(PNG));
        assertEquals("\"" + md5 + "\"", header(download, "ETag"));
        assertEquals(200, head.statusCode());
        assertEquals(0, head.body().length);
        assertFalse(Files.list(dataDir.resolve("objects/.tmp")).findAny().isPresent(), "no temp files are left behind");
    }

    @Test
    void anExistingKeyNeedsUpsert() {
        upload("story-images/s2/a.png", PNG, "image/png");

        HttpResponse<byte[]> again = upload("story-images/s2/a.png", PNG, "image/png");
        HttpResponse<byte[]> upsert = upload("story-images/s2/a.png", new byte[] {1, 2}, "image/png", "x-upsert", "true");
        HttpResponse<byte[]> download = fx.http.sendBytes("GET", "/storage/v1/object/story-images/s2/a.png", null,
                "apikey", fx.sandbox.anonKey());

        assertStorageError(again, "409", "KeyAlreadyExists");
        assertEquals(200, upsert.statusCode());
        assertArrayEquals(new byte[] {1, 2}, download.body());
    }

    @Test
    void anonCannotUpload() {
        HttpResponse<byte[]> response = fx.http.sendBytes("POST", "/storage/v1/object/story-images/anon.png", PNG,
                "apikey", fx.sandbox.anonKey(), "Content-Type", "image/png");

        assertStorageError(response, "403", "AccessDenied");
    }

    @Test
    void invalidKeysAndTraversalAreRejected() {
        assertStorageError(upload("story-images/..%2F..%2Fworkspace.json", PNG, "image/png"), "400", "InvalidKey");
        assertStorageError(upload("story-images/a/../b.png", PNG, "image/png"), "400", "InvalidKey");
        assertStorageError(upload("story-images/%C3%BCber.png", PNG, "image/png"), "400", "InvalidKey");
        assertStorageError(fx.http.sendBytes("GET", "/storage/v1/object/public/story-images/..%2Fsandbox.db", null),
                "400", "InvalidKey");
    }

    @Test
    void bucketRulesAndMissingThingsUseStorageErrors() {
        assertStorageError(upload("story-images/x.gif", PNG, "image/gif"), "415", "InvalidMimeType");
        assertStorageError(fx.http.sendBytes("GET", "/storage/v1/object/public/story-images/missing.png", null),
                "404", "NoSuchKey");
        assertStorageError(fx.http.sendBytes("GET", "/storage/v1/object/public/nope/x.png", null), "404", "NoSuchBucket");
    }

    @Test
    void byteRangesAreServedForMediaPlayers() {
        upload("story-audio/s3/n.wav", PNG, "audio/wav");

        HttpResponse<byte[]> range = fx.http.sendBytes("GET", "/storage/v1/object/public/story-audio/s3/n.wav", null,
                "Range", "bytes=4-7");
        HttpResponse<byte[]> suffix = fx.http.sendBytes("GET", "/storage/v1/object/public/story-audio/s3/n.wav", null,
                "Range", "bytes=-2");

        assertEquals(206, range.statusCode());
        assertEquals("bytes 4-7/16", header(range, "Content-Range"));
        assertArrayEquals(new byte[] {'\r', '\n', 0x1a, '\n'}, range.body());
        assertArrayEquals(new byte[] {7, 8}, suffix.body());
    }
}
