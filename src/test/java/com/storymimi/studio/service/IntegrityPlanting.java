package com.storymimi.studio.service;

import com.storymimi.studio.model.MediaKind;
import com.storymimi.studio.model.StoryStatus;
import com.storymimi.studio.supabase.SupabaseClient;
import com.storymimi.studio.supabase.SupabaseConfig;
import com.storymimi.studio.supabase.rest.Filter;
import com.storymimi.studio.supabase.storage.BucketOptions;
import com.storymimi.studio.supabase.storage.UploadOptions;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Puts problems into a sandbox the way they arise in real catalogues: through the APIs, never through its files. */
final class IntegrityPlanting {

    private final SandboxFixture fixture;
    private final Rows rows;
    private final Path files;

    IntegrityPlanting(SandboxFixture fixture, Path files) {
        this.fixture = fixture;
        this.rows = new Rows(fixture.client);
        this.files = files;
    }

    UUID story(String title) {
        return rows.story(title, "", StoryStatus.COMPLETED, null, Instant.now());
    }

    UUID scene(UUID story, int sequence, String imageUrl, String audioUrl) {
        return rows.scene(story, sequence, "scene " + sequence, imageUrl, audioUrl);
    }

    /** Uploads {@code file} as {@code key} and answers the public URL a scene would store. */
    String upload(MediaKind kind, String key, Path file, String contentType) {
        fixture.client.storage().from(kind.bucket())
                .upload(key, file, UploadOptions.defaults().withContentType(contentType).withUpsert(true)).join();
        return url(kind, key);
    }

    String url(MediaKind kind, String key) {
        return fixture.client.storage().from(kind.bucket()).publicUrl(key).toString();
    }

    void setSequence(UUID sceneId, int sequence) {
        fixture.client.rest().from("scenes").update(Map.of("sequence", sequence))
                .filter(Filter.eq("scene_id", sceneId)).execute().join();
    }

    void setUrl(UUID sceneId, MediaKind kind, String url) {
        fixture.client.rest().from("scenes").update(Map.of(StoryWire.column(kind), url))
                .filter(Filter.eq("scene_id", sceneId)).execute().join();
    }

    /**
     * An object the bucket would refuse today: the bucket is opened up (as the service role, as an admin might have
     * done before the rules were tightened), the object uploaded, and the bucket's settings put back.
     */
    String uploadPastTheBucketRules(MediaKind kind, String key, Path file, String contentType) throws Exception {
        try (SupabaseClient admin = SupabaseClient.create(new SupabaseConfig(fixture.sandbox.baseUrl(),
                fixture.sandbox.serviceRoleKey(), Duration.ofSeconds(30)))) {
            BucketOptions strict = new BucketOptions(true, kind.maxBytes(), kind.mimeTypes());
            admin.storage().updateBucket(kind.bucket(), new BucketOptions(true, null, List.of())).join();
            try {
                admin.storage().from(kind.bucket()).upload(key, file,
                        UploadOptions.defaults().withContentType(contentType).withUpsert(true)).join();
            } finally {
                admin.storage().updateBucket(kind.bucket(), strict).join();
            }
        }
        return url(kind, key);
    }

    Path png(String name) throws Exception {
        return MediaFiles.png(files, name);
    }

    Path mp3(String name) throws Exception {
        return MediaFiles.mp3WithId3(files, name);
    }

    Path text(String name) throws Exception {
        return MediaFiles.text(files, name);
    }

    Path bigPng(String name, long size) throws Exception {
        return MediaFiles.bigPng(files, name, size);
    }
}
