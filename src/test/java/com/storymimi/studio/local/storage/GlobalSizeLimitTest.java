package com.storymimi.studio.local.storage;

import com.storymimi.studio.local.SandboxFixture;
import com.storymimi.studio.local.SandboxOptions;
import com.storymimi.studio.local.storage.StorageClient.As;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;

import static com.storymimi.studio.local.SandboxFixture.header;
import static com.storymimi.studio.local.storage.StorageClient.assertStorageError;
import static com.storymimi.studio.local.storage.StorageClient.object;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** The project-wide object size limit is a sandbox option, as it is a project setting on Supabase. */
class GlobalSizeLimitTest {

    private static final long MIB = 1024 * 1024;
    private static final byte[] ABOVE_50_MIB = new byte[(int) (50 * MIB + 1024)];

    @TempDir
    Path dataDir;

    private static StorageClient withUnlimitedBucket(SandboxFixture fx) {
        StorageClient storage = new StorageClient(fx);
        storage.createBucket("{\"name\":\"big\",\"public\":false}");
        return storage;
    }

    private static HttpResponse<byte[]> tusCreate(StorageClient storage, long length) {
        Base64.Encoder b64 = Base64.getEncoder();
        return storage.send(As.SERVICE, "POST", "/upload/resumable", null, "Tus-Resumable", "1.0.0",
                "Upload-Length", Long.toString(length), "Upload-Metadata",
                "bucketName " + b64.encodeToString("big".getBytes(StandardCharsets.UTF_8))
                        + ",objectName " + b64.encodeToString("huge.bin".getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void aRaisedLimitTakesAnObjectAbove50MiBIntoABucketWithoutItsOwnLimit() {
        try (SandboxFixture fx = new SandboxFixture(new SandboxOptions(dataDir, 0, false, 64 * MIB))) {
            StorageClient storage = withUnlimitedBucket(fx);

            HttpResponse<byte[]> upload = storage.upload(As.SERVICE, "big/raw.bin", ABOVE_50_MIB,
                    "application/octet-stream");
            HttpResponse<byte[]> info = storage.send(As.SERVICE, "GET", "/object/info/big/raw.bin", null);
            HttpResponse<byte[]> options = storage.send(As.NOBODY, "OPTIONS", "/upload/resumable", null);

            assertEquals(200, upload.statusCode(), () -> StorageClient.text(upload));
            assertEquals(ABOVE_50_MIB.length, object(info).get("size").getAsLong());
            assertEquals(Long.toString(64 * MIB), header(options, "Tus-Max-Size"));
            assertEquals(201, tusCreate(storage, 64 * MIB).statusCode());
            assertEquals(413, tusCreate(storage, 64 * MIB + 1).statusCode());
        }
    }

    @Test
    void theDefaultLimitRefusesTheSameObjectAsEntityTooLarge() {
        try (SandboxFixture fx = new SandboxFixture(dataDir)) {
            StorageClient storage = withUnlimitedBucket(fx);

            HttpResponse<byte[]> upload = storage.upload(As.SERVICE, "big/raw.bin", ABOVE_50_MIB,
                    "application/octet-stream");
            HttpResponse<byte[]> options = storage.send(As.NOBODY, "OPTIONS", "/upload/resumable", null);

            assertStorageError(upload, "413", "EntityTooLarge", "Payload too large",
                    "The object exceeded the maximum allowed size");
            assertEquals(400, storage.send(As.SERVICE, "HEAD", "/object/big/raw.bin", null).statusCode());
            assertEquals(Long.toString(50 * MIB), header(options, "Tus-Max-Size"));
            assertEquals(413, tusCreate(storage, 50 * MIB + 1).statusCode());
        }
    }

    @Test
    void aBucketLimitStillLowersARaisedGlobalLimit() {
        try (SandboxFixture fx = new SandboxFixture(new SandboxOptions(dataDir, 0, false, 64 * MIB))) {
            StorageClient storage = new StorageClient(fx);
            storage.createBucket("{\"name\":\"tiny\",\"file_size_limit\":100}");

            HttpResponse<byte[]> upload = storage.upload(As.SERVICE, "tiny/a.bin", new byte[101],
                    "application/octet-stream");

            assertStorageError(upload, "413", "EntityTooLarge", "Payload too large", null);
        }
    }
}
