package com.storymimi.studio.local.storage;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.storymimi.studio.local.SandboxFixture;
import com.storymimi.studio.local.storage.StorageClient.As;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static com.storymimi.studio.local.storage.StorageClient.assertStorageError;
import static com.storymimi.studio.local.storage.StorageClient.body;
import static com.storymimi.studio.local.storage.StorageClient.object;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code /storage/v1/bucket} over real HTTP. */
class BucketRoutesTest {

    @TempDir
    static Path dataDir;
    static SandboxFixture fx;
    static StorageClient storage;

    @BeforeAll
    static void start() {
        fx = new SandboxFixture(dataDir);
        storage = new StorageClient(fx);
    }

    @AfterAll
    static void stop() {
        fx.close();
    }

    @Test
    void aCreatedBucketKeepsItsRulesWithDecimalSizeUnits() {
        HttpResponse<byte[]> created = storage.json(As.SERVICE, "POST", "/bucket",
                "{\"name\":\"covers\",\"public\":false,\"file_size_limit\":\"1MB\",\"allowed_mime_types\":[\"image/*\"]}");

        HttpResponse<byte[]> read = storage.send(As.EDITOR, "GET", "/bucket/covers", null);

        assertEquals(200, created.statusCode());
        assertEquals("{\"name\":\"covers\"}", StorageClient.text(created));
        JsonObject bucket = object(read);
        assertEquals("covers", bucket.get("id").getAsString());
        assertEquals("covers", bucket.get("name").getAsString());
        assertFalse(bucket.get("public").getAsBoolean());
        assertEquals(1_000_000, bucket.get("file_size_limit").getAsLong(), "MB is decimal");
        assertEquals("image/*", bucket.getAsJsonArray("allowed_mime_types").get(0).getAsString());
        assertFalse(bucket.has("type"), "GET /bucket/{id} omits type");
        assertTrue(bucket.get("created_at").getAsString().matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z"));
    }

    @Test
    void theBucketListSortsSearchesAndPagesAndCarriesType() {
        storage.createBucket("{\"name\":\"list-b\"}");
        storage.createBucket("{\"name\":\"list-a\",\"id\":\"list-a\"}");
        storage.createBucket("{\"name\":\"list-c\"}");

        List<String> desc = names(storage.send(As.EDITOR, "GET", "/bucket?search=LIST-&sortColumn=name&sortOrder=desc", null));
        List<String> page = names(storage.send(As.EDITOR, "GET", "/bucket?search=list-&limit=1&offset=1", null));
        JsonArray all = body(storage.send(As.EDITOR, "GET", "/bucket", null)).getAsJsonArray();

        assertEquals(List.of("list-c", "list-b", "list-a"), desc);
        assertEquals(List.of("list-b"), page);
        assertEquals("STANDARD", all.get(0).getAsJsonObject().get("type").getAsString());
    }

    @Test
    void anonSeesNoBuckets() {
        HttpResponse<byte[]> list = storage.send(As.ANON, "GET", "/bucket", null);
        HttpResponse<byte[]> one = storage.send(As.ANON, "GET", "/bucket/story-images", null);

        assertEquals("[]", StorageClient.text(list));
        assertStorageError(one, "404", "NoSuchBucket", "Bucket not found", "Bucket not found");
    }

    @Test
    void onlyTheServiceRoleManagesBuckets() {
        HttpResponse<byte[]> create = storage.json(As.EDITOR, "POST", "/bucket", "{\"name\":\"mine\"}");
        HttpResponse<byte[]> empty = storage.json(As.EDITOR, "POST", "/bucket/story-images/empty", "{}");
        HttpResponse<byte[]> delete = storage.send(As.EDITOR, "DELETE", "/bucket/story-images", null);

        assertStorageError(create, "403", "AccessDenied", "Unauthorized", "new row violates row-level security policy");
        assertEquals(403, empty.statusCode(), "emptying a bucket is role-enforced with a real 403");
        assertEquals("AccessDenied", object(empty).get("code").getAsString());
        assertStorageError(delete, "403", "AccessDenied", "Unauthorized", null);
    }

    @Test
    void badBucketRequestsGetStorageErrors() {
        assertStorageError(storage.json(As.SERVICE, "POST", "/bucket", "{\"name\":\"story-images\"}"),
                "409", "BucketAlreadyExists", "Duplicate", "The resource already exists");
        assertStorageError(storage.json(As.SERVICE, "POST", "/bucket", "{\"name\":\"a/b\"}"),
                "400", "InvalidBucketName", "Invalid Input", "Bucket name invalid");
        assertStorageError(storage.json(As.SERVICE, "POST", "/bucket", "{\"name\":\" padded\"}"),
                "400", "InvalidBucketName", "Invalid Input", "Bucket name invalid");
        assertStorageError(storage.json(As.SERVICE, "POST", "/bucket", "{\"public\":true}"),
                "400", "InvalidRequest", "Bad Request", "body must have required property 'name'");
        assertStorageError(storage.json(As.SERVICE, "POST", "/bucket", "{\"name\":\"sz\",\"file_size_limit\":\"lots\"}"),
                "400", "InvalidRequest", "InvalidRequest", "Invalid file size format, hint: use 20GB / 20MB / 30KB / 3B");
        assertStorageError(storage.send(As.SERVICE, "GET", "/bucket/nope", null),
                "404", "NoSuchBucket", "Bucket not found", "Bucket not found");
    }

    @Test
    void anUpdateChangesOnlyTheFieldsSent() {
        storage.createBucket("{\"name\":\"upd\",\"file_size_limit\":2000,\"allowed_mime_types\":[\"audio/mpeg\"]}");

        HttpResponse<byte[]> updated = storage.json(As.SERVICE, "PUT", "/bucket/upd", "{\"public\":true}");
        JsonObject bucket = object(storage.send(As.SERVICE, "GET", "/bucket/upd", null));
        HttpResponse<byte[]> cleared = storage.json(As.SERVICE, "PUT", "/bucket/upd", "{\"file_size_limit\":null}");
        JsonObject after = object(storage.send(As.SERVICE, "GET", "/bucket/upd", null));

        assertEquals("{\"message\":\"Successfully updated\"}", StorageClient.text(updated));
        assertTrue(bucket.get("public").getAsBoolean());
        assertEquals(2000, bucket.get("file_size_limit").getAsLong());
        assertEquals(200, cleared.statusCode());
        assertTrue(after.get("file_size_limit").isJsonNull());
        assertEquals("audio/mpeg", after.getAsJsonArray("allowed_mime_types").get(0).getAsString());
        assertStorageError(storage.json(As.SERVICE, "PUT", "/bucket/missing", "{\"public\":true}"),
                "404", "NoSuchBucket", "Bucket not found", null);
    }

    @Test
    void aBucketWithObjectsIsEmptiedBeforeItCanBeDeleted() {
        storage.createBucket("{\"name\":\"full\"}");
        storage.upload(As.EDITOR, "full/a/1.txt", new byte[] {1}, "text/plain");

        HttpResponse<byte[]> refused = storage.send(As.SERVICE, "DELETE", "/bucket/full", null);
        HttpResponse<byte[]> emptied = storage.json(As.SERVICE, "POST", "/bucket/full/empty", "{}");
        HttpResponse<byte[]> deleted = storage.send(As.SERVICE, "DELETE", "/bucket/full", null);
        HttpResponse<byte[]> gone = storage.send(As.SERVICE, "GET", "/bucket/full", null);

        assertStorageError(refused, "409", "ResourceNotEmpty", "ResourceNotEmpty",
                "The bucket you tried to delete is not empty");
        assertEquals("Empty bucket has been queued. Completion may take up to an hour.",
                object(emptied).get("message").getAsString());
        assertEquals("{\"message\":\"Successfully deleted\"}", StorageClient.text(deleted));
        assertStorageError(gone, "404", "NoSuchBucket", "Bucket not found", null);
    }

    private static List<String> names(HttpResponse<byte[]> response) {
        List<String> names = new ArrayList<>();
        for (JsonElement element : body(response).getAsJsonArray()) {
            names.add(element.getAsJsonObject().get("name").getAsString());
        }
        return names;
    }
}
