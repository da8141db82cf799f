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

import static com.storymimi.studio.local.SandboxFixture.header;
import static com.storymimi.studio.local.storage.StorageClient.assertStorageError;
import static com.storymimi.studio.local.storage.StorageClient.body;
import static com.storymimi.studio.local.storage.StorageClient.object;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** List, remove, move and copy. */
class ObjectManagementTest {

    @TempDir
    static Path dataDir;
    static SandboxFixture fx;
    static StorageClient storage;

    @BeforeAll
    static void start() {
        fx = new SandboxFixture(dataDir);
        storage = new StorageClient(fx);
        storage.createBucket("{\"name\":\"work\"}");
        storage.createBucket("{\"name\":\"other\"}");
        for (String key : List.of("l/banana.txt", "l/Apple.txt", "l/cherry/1.txt", "l/_under.txt", "l/Zeta/2.txt",
                "l/apricot.txt")) {
            assertEquals(200, storage.upload(As.EDITOR, "work/" + key, key.getBytes(), "text/plain").statusCode());
        }
    }

    @AfterAll
    static void stop() {
        fx.close();
    }

    private static HttpResponse<byte[]> list(As as, String json) {
        return storage.json(as, "POST", "/object/list/work", json);
    }

    private static List<String> names(HttpResponse<byte[]> response) {
        List<String> names = new ArrayList<>();
        for (JsonElement element : body(response).getAsJsonArray()) {
            names.add(element.getAsJsonObject().get("name").getAsString());
        }
        return names;
    }

    @Test
    void aListingIsOneLevelSortedCaseInsensitivelyInCCollationWithFoldersMixedIn() {
        HttpResponse<byte[]> response = list(As.EDITOR, "{\"prefix\":\"l\"}");

        assertEquals(List.of("_under.txt", "Apple.txt", "apricot.txt", "banana.txt", "cherry", "Zeta"), names(response));
        JsonObject folder = body(response).getAsJsonArray().get(4).getAsJsonObject();
        assertTrue(folder.get("id").isJsonNull() && folder.get("metadata").isJsonNull()
                && folder.get("updated_at").isJsonNull());
        JsonObject file = body(response).getAsJsonArray().get(1).getAsJsonObject();
        assertEquals("text/plain", file.getAsJsonObject("metadata").get("mimetype").getAsString());
        assertEquals(11, file.getAsJsonObject("metadata").get("size").getAsLong());
    }

    @Test
    void searchIsACaseInsensitivePrefixAndLimitOffsetPage() {
        assertEquals(List.of("Apple.txt", "apricot.txt"), names(list(As.EDITOR, "{\"prefix\":\"l/\",\"search\":\"AP\"}")));
        assertEquals(List.of(), names(list(As.EDITOR, "{\"prefix\":\"l/\",\"search\":\"pple\"}")));
        assertEquals(List.of("apricot.txt", "banana.txt"),
                names(list(As.EDITOR, "{\"prefix\":\"l/\",\"limit\":2,\"offset\":2}")));
        assertEquals(List.of("Zeta", "cherry", "banana.txt", "apricot.txt", "Apple.txt", "_under.txt"),
                names(list(As.EDITOR, "{\"prefix\":\"l/\",\"sortBy\":{\"column\":\"name\",\"order\":\"desc\"}}")));
        assertEquals(List.of("l"), names(list(As.EDITOR, "{\"prefix\":\"\",\"search\":\"L\"}")), "root level, folders only");
    }

    @Test
    void aListingNeedsAPrefixAndIsEmptyForAnon() {
        assertStorageError(list(As.EDITOR, "{}"), "400", "InvalidRequest", "Bad Request",
                "body must have required property 'prefix'");
        assertEquals("[]", StorageClient.text(list(As.ANON, "{\"prefix\":\"l/\"}")));
    }

    @Test
    void batchRemoveDeletesExactNamesAndLeavesMissingOnesOut() {
        storage.upload(As.EDITOR, "work/rm/a.txt", new byte[] {1}, "text/plain");
        storage.upload(As.EDITOR, "work/rm/b.txt", new byte[] {1}, "text/plain");

        HttpResponse<byte[]> removed = storage.json(As.EDITOR, "DELETE", "/object/work",
                "{\"prefixes\":[\"rm/a.txt\",\"rm/missing.txt\",\"rm\"]}");
        JsonArray rows = body(removed).getAsJsonArray();

        assertEquals(200, removed.statusCode());
        assertEquals(1, rows.size());
        assertEquals("rm/a.txt", rows.get(0).getAsJsonObject().get("name").getAsString());
        assertEquals(List.of("b.txt"), names(list(As.EDITOR, "{\"prefix\":\"rm\"}")));
    }

    @Test
    void deletingOneObjectAndThenAgainGivesNoSuchKey() {
        storage.upload(As.EDITOR, "work/one/x.txt", new byte[] {1}, "text/plain");

        HttpResponse<byte[]> first = storage.send(As.EDITOR, "DELETE", "/object/work/one/x.txt", null);
        HttpResponse<byte[]> second = storage.send(As.EDITOR, "DELETE", "/object/work/one/x.txt", null);

        assertEquals("{\"message\":\"Successfully deleted\"}", StorageClient.text(first));
        assertStorageError(second, "404", "NoSuchKey", "not_found", "Object not found");
    }

    @Test
    void moveRenamesAcrossBucketsAndRefusesAnOccupiedTarget() {
        storage.upload(As.EDITOR, "work/mv/src.txt", "moved".getBytes(), "text/plain");
        storage.upload(As.EDITOR, "work/mv/taken.txt", new byte[] {1}, "text/plain");

        HttpResponse<byte[]> occupied = storage.json(As.EDITOR, "POST", "/object/move",
                "{\"bucketId\":\"work\",\"sourceKey\":\"mv/src.txt\",\"destinationKey\":\"mv/taken.txt\"}");
        HttpResponse<byte[]> moved = storage.json(As.EDITOR, "POST", "/object/move",
                "{\"bucketId\":\"work\",\"sourceKey\":\"mv/src.txt\",\"destinationKey\":\"in/dst.txt\",\"destinationBucket\":\"other\"}");
        HttpResponse<byte[]> missing = storage.json(As.EDITOR, "POST", "/object/move",
                "{\"bucketId\":\"work\",\"sourceKey\":\"mv/src.txt\",\"destinationKey\":\"x.txt\"}");

        assertStorageError(occupied, "409", "KeyAlreadyExists", "Duplicate", null);
        assertEquals("Successfully moved", object(moved).get("message").getAsString());
        assertEquals("other/in/dst.txt", object(moved).get("Key").getAsString());
        assertArrayEquals("moved".getBytes(), storage.send(As.EDITOR, "GET", "/object/other/in/dst.txt", null).body());
        assertStorageError(missing, "404", "NoSuchKey", "not_found", null);
    }

    @Test
    void copyDuplicatesBytesAndMetadataAndHonoursUpsert() {
        storage.upload(As.EDITOR, "work/cp/src.txt", "copy me".getBytes(), "text/plain", "Cache-Control", "max-age=9");
        String body = "{\"bucketId\":\"work\",\"sourceKey\":\"cp/src.txt\",\"destinationKey\":\"cp/dst.txt\"}";

        HttpResponse<byte[]> copied = storage.json(As.EDITOR, "POST", "/object/copy", body);
        HttpResponse<byte[]> again = storage.json(As.EDITOR, "POST", "/object/copy", body);
        HttpResponse<byte[]> upserted = storage.json(As.EDITOR, "POST", "/object/copy", body, "x-upsert", "true");
        HttpResponse<byte[]> download = storage.send(As.EDITOR, "GET", "/object/work/cp/dst.txt", null);

        assertEquals(200, copied.statusCode(), StorageClient.text(copied));
        assertEquals("work/cp/dst.txt", object(copied).get("Key").getAsString());
        assertEquals("cp/dst.txt", object(copied).get("name").getAsString());
        assertStorageError(again, "409", "KeyAlreadyExists", "Duplicate", null);
        assertEquals(200, upserted.statusCode());
        assertArrayEquals("copy me".getBytes(), download.body());
        assertEquals("max-age=9", header(download, "Cache-Control"));
        assertArrayEquals("copy me".getBytes(), storage.send(As.EDITOR, "GET", "/object/work/cp/src.txt", null).body());
    }
}
