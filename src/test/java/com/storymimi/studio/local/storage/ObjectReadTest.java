package com.storymimi.studio.local.storage;

import com.google.gson.JsonObject;
import com.storymimi.studio.local.SandboxFixture;
import com.storymimi.studio.local.storage.StorageClient.As;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.http.HttpResponse;
import java.nio.file.Path;

import static com.storymimi.studio.local.SandboxFixture.header;
import static com.storymimi.studio.local.storage.StorageClient.assertStorageError;
import static com.storymimi.studio.local.storage.StorageClient.object;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Downloads (public, authenticated, plain), ranges, conditional requests, HEAD and info. */
class ObjectReadTest {

    private static final byte[] SEVENTY = new byte[70];

    @TempDir
    static Path dataDir;
    static SandboxFixture fx;
    static StorageClient storage;

    @BeforeAll
    static void start() {
        for (int i = 0; i < SEVENTY.length; i++) {
            SEVENTY[i] = (byte) i;
        }
        fx = new SandboxFixture(dataDir);
        storage = new StorageClient(fx);
        storage.createBucket("{\"name\":\"private\"}");
        assertEquals(200, storage.upload(As.EDITOR, "private/p.bin", SEVENTY, "application/octet-stream",
                "Cache-Control", "max-age=60").statusCode());
        assertEquals(200, storage.upload(As.EDITOR, "story-audio/s/n.mp3", SEVENTY, "audio/mpeg").statusCode());
    }

    @AfterAll
    static void stop() {
        fx.close();
    }

    @Test
    void aSuffixRangeGivesTheLastBytes() {
        HttpResponse<byte[]> range = storage.send(As.NOBODY, "GET", "/object/public/story-audio/s/n.mp3", null,
                "Range", "bytes=-12");

        assertEquals(206, range.statusCode());
        assertEquals("bytes 58-69/70", header(range, "Content-Range"));
        assertEquals("12", header(range, "Content-Length"));
        assertEquals(58, range.body()[0]);
        assertEquals("bytes", header(range, "Accept-Ranges"));
    }

    @Test
    void aRangeBeyondTheEndIsNotSatisfiable() {
        HttpResponse<byte[]> range = storage.send(As.NOBODY, "GET", "/object/public/story-audio/s/n.mp3", null,
                "Range", "bytes=70-80");

        assertEquals(416, range.statusCode());
    }

    @Test
    void aMatchingIfNoneMatchGivesNotModified() {
        String etag = header(storage.send(As.EDITOR, "GET", "/object/private/p.bin", null), "ETag");

        HttpResponse<byte[]> again = storage.send(As.EDITOR, "GET", "/object/private/p.bin", null, "If-None-Match", etag);

        assertEquals(304, again.statusCode());
        assertEquals(0, again.body().length);
    }

    @Test
    void theDownloadParameterMakesAnAttachment() {
        HttpResponse<byte[]> bare = storage.send(As.NOBODY, "GET", "/object/public/story-audio/s/n.mp3?download", null);
        HttpResponse<byte[]> named = storage.send(As.NOBODY, "GET",
                "/object/public/story-audio/s/n.mp3?download=scene%201.mp3", null);

        assertEquals("attachment;", header(bare, "Content-Disposition"));
        assertEquals("attachment; filename=scene%201.mp3; filename*=UTF-8''scene%201.mp3",
                header(named, "Content-Disposition"));
    }

    @Test
    void privateObjectsAreHiddenFromAnonButServedToSignedInCallers() {
        HttpResponse<byte[]> editor = storage.send(As.EDITOR, "GET", "/object/authenticated/private/p.bin", null);
        HttpResponse<byte[]> anonPlain = storage.send(As.ANON, "GET", "/object/private/p.bin", null);
        HttpResponse<byte[]> anonAuthenticated = storage.send(As.ANON, "GET", "/object/authenticated/private/p.bin", null);
        HttpResponse<byte[]> publicUrl = storage.send(As.NOBODY, "GET", "/object/public/private/p.bin", null);

        assertEquals(200, editor.statusCode());
        assertArrayEquals(SEVENTY, editor.body());
        assertEquals("max-age=60", header(editor, "Cache-Control"));
        assertStorageError(anonPlain, "404", "NoSuchKey", "not_found", "Object not found");
        assertStorageError(anonAuthenticated, "404", "NoSuchKey", "not_found", "Object not found");
        assertStorageError(publicUrl, "404", "NoSuchBucket", "Bucket not found", "Bucket not found");
    }

    @Test
    void headSendsTheHeadersWithoutTheBodyAndMissingObjectsGiveAnEmpty400() {
        HttpResponse<byte[]> head = storage.send(As.NOBODY, "HEAD", "/object/public/story-audio/s/n.mp3", null);
        HttpResponse<byte[]> missing = storage.send(As.EDITOR, "HEAD", "/object/story-audio/s/none.mp3", null);

        assertEquals(200, head.statusCode());
        assertEquals("70", header(head, "Content-Length"));
        assertEquals("audio/mpeg", header(head, "Content-Type"));
        assertEquals(0, head.body().length);
        assertEquals(400, missing.statusCode());
        assertEquals(0, missing.body().length);
    }

    @Test
    void infoDescribesTheObject() {
        HttpResponse<byte[]> response = storage.send(As.EDITOR, "GET", "/object/info/private/p.bin", null);

        JsonObject info = object(response);
        assertEquals(200, response.statusCode());
        assertEquals("p.bin", info.get("name").getAsString());
        assertEquals("private", info.get("bucket_id").getAsString());
        assertEquals(70, info.get("size").getAsLong());
        assertEquals("application/octet-stream", info.get("content_type").getAsString());
        assertEquals("max-age=60", info.get("cache_control").getAsString());
        assertTrue(info.get("metadata").isJsonNull());
        assertTrue(info.get("last_modified").getAsString().matches(".*T.*\\.\\d{3}Z"));
        assertStorageError(storage.send(As.ANON, "GET", "/object/info/private/p.bin", null),
                "404", "NoSuchKey", "not_found", null);
    }

    @Test
    void unknownRoutesAreARealNotFound() {
        HttpResponse<byte[]> response = storage.send(As.EDITOR, "PATCH", "/object/private/p.bin", null);

        assertEquals(404, response.statusCode());
        assertEquals("Route PATCH:/storage/v1/object/private/p.bin not found", object(response).get("message").getAsString());
    }
}
