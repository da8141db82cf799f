package com.storymimi.studio.supabase.storage;

import com.google.gson.JsonParser;
import com.storymimi.studio.supabase.error.StorageException;
import com.storymimi.studio.supabase.error.SupabaseException;
import com.storymimi.studio.supabase.testing.ScriptedServer;
import com.storymimi.studio.supabase.testing.ScriptedServerTest;
import com.storymimi.studio.supabase.testing.ScriptedServer.Scripted;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.concurrent.CompletionException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Bucket requests as Storage expects them (protocol doc B2). */
class StorageBucketsTest extends ScriptedServerTest {

    @Test
    void listAndGetReadBucketRows() {
        String row = "{\"id\":\"story-audio\",\"name\":\"story-audio\",\"owner\":\"\",\"public\":true,"
                + "\"file_size_limit\":50000000,\"allowed_mime_types\":[\"audio/mpeg\",\"audio/wav\"],"
                + "\"created_at\":\"2021-02-17T04:43:32.770Z\",\"updated_at\":\"2021-02-17T04:43:32.770Z\"}";
        server.enqueue(Scripted.json(200, "[" + row + "]"), Scripted.json(200, row));

        List<Bucket> buckets = client.storage().listBuckets().join();
        Bucket one = client.storage().getBucket("story-audio").join();

        assertEquals("/storage/v1/bucket", server.request(0).rawPath());
        assertEquals("/storage/v1/bucket/story-audio", server.request(1).rawPath());
        assertEquals(1, buckets.size());
        assertTrue(one.isPublic());
        assertEquals(50_000_000L, one.fileSizeLimit());
        assertEquals(List.of("audio/mpeg", "audio/wav"), one.allowedMimeTypes());
    }

    @Test
    void createSendsIdNameAndSettings() {
        server.enqueue(Scripted.json(200, "{\"name\":\"story-images\"}"));

        client.storage().createBucket("story-images",
                new BucketOptions(true, 10_000_000L, List.of("image/png", "image/jpeg"))).join();

        assertEquals("POST", server.onlyRequest().method());
        assertEquals(JsonParser.parseString("{\"id\":\"story-images\",\"name\":\"story-images\",\"public\":true,"
                        + "\"file_size_limit\":10000000,\"allowed_mime_types\":[\"image/png\",\"image/jpeg\"]}"),
                JsonParser.parseString(server.onlyRequest().body()));
    }

    @Test
    void updateSendsAllSettingsSoNullLiftsALimit() {
        server.enqueue(Scripted.json(200, "{\"message\":\"Successfully updated\"}"));

        client.storage().updateBucket("story-images", new BucketOptions(false, null, null)).join();

        assertEquals("PUT", server.onlyRequest().method());
        assertEquals("/storage/v1/bucket/story-images", server.onlyRequest().rawPath());
        assertEquals(JsonParser.parseString("{\"public\":false,\"file_size_limit\":null,\"allowed_mime_types\":null}"),
                JsonParser.parseString(server.onlyRequest().body()));
    }

    @Test
    void emptyAndDelete() {
        server.enqueue(Scripted.json(200, "{\"message\":\"queued\"}"), Scripted.json(200, "{\"message\":\"Successfully deleted\"}"));

        client.storage().emptyBucket("old").join();
        client.storage().deleteBucket("old").join();

        assertEquals("POST /storage/v1/bucket/old/empty", server.request(0).method() + " " + server.request(0).rawPath());
        assertEquals("DELETE /storage/v1/bucket/old", server.request(1).method() + " " + server.request(1).rawPath());
    }

    @Test
    void deletingANonEmptyBucketFailsWith409InTheBody() {
        server.enqueue(Scripted.json(400, "{\"statusCode\":\"409\",\"error\":\"ResourceNotEmpty\","
                + "\"message\":\"The bucket you tried to delete is not empty\",\"code\":\"ResourceNotEmpty\"}"));

        CompletionException thrown = assertThrows(CompletionException.class,
                () -> client.storage().deleteBucket("full").join());

        StorageException error = assertInstanceOf(StorageException.class, SupabaseException.unwrap(thrown).orElseThrow());
        assertEquals("409", error.statusCode());
        assertEquals(1, server.requests().size(), "a 400 is not retried even though DELETE is idempotent");
    }

    @Test
    void badBucketNamesAreRefusedLocally() {
        assertThrows(IllegalArgumentException.class, () -> client.storage().from("a/b"));
        assertThrows(IllegalArgumentException.class, () -> client.storage().getBucket(" x"));
        assertTrue(server.requests().isEmpty());
    }
}
