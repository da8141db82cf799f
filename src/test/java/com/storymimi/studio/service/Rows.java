package com.storymimi.studio.service;

import com.storymimi.studio.model.StoryStatus;
import com.storymimi.studio.supabase.SupabaseClient;
import com.storymimi.studio.supabase.rest.Filter;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/** Test rows written straight through REST, with the timestamps a test needs to make orders deterministic. */
final class Rows {

    private final SupabaseClient client;

    Rows(SupabaseClient client) {
        this.client = client;
    }

    UUID user(String username) {
        UUID id = UUID.randomUUID();
        client.rest().from("users").insert(Map.of("user_id", id, "username", username,
                "email", username.toLowerCase() + "@example.com")).execute().join();
        return id;
    }

    UUID user(String username, UUID id, Instant created) {
        client.rest().from("users").insert(Map.of("user_id", id, "username", username,
                "email", username.toLowerCase() + "@example.com", "created_at", created)).execute().join();
        return id;
    }

    UUID story(String title, String prompt, StoryStatus status, UUID userId, Instant created) {
        UUID id = UUID.randomUUID();
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("story_id", id);
        row.put("user_id", userId);
        row.put("title", title);
        row.put("prompt", prompt);
        row.put("status", status);
        row.put("created_at", created);
        row.put("updated_at", created);
        client.rest().from("stories").insert(row).execute().join();
        return id;
    }

    UUID scene(UUID storyId, int sequence, String text, String imageUrl, String audioUrl) {
        UUID id = UUID.randomUUID();
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("scene_id", id);
        row.put("story_id", storyId);
        row.put("sequence", sequence);
        row.put("text", text);
        row.put("image_url", imageUrl);
        row.put("audio_url", audioUrl);
        client.rest().from("scenes").insert(row).execute().join();
        return id;
    }

    /** A write by "someone else": the server bumps updated_at, so copies loaded before are stale. */
    void touchStory(UUID storyId, String title) {
        client.rest().from("stories").update(Map.of("title", title)).filter(Filter.eq("story_id", storyId))
                .execute().join();
    }

    void touchScene(UUID sceneId, String text) {
        client.rest().from("scenes").update(Map.of("text", text)).filter(Filter.eq("scene_id", sceneId))
                .execute().join();
    }
}
