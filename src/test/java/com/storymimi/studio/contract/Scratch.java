package com.storymimi.studio.contract;

import com.google.gson.JsonObject;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Rows one case creates, marked with a unique tag (the stories' prompt, the users' email) and removed again
 * on close through the service role (trash items of those rows too), so both backends can run every case in any order on shared databases.
 */
final class Scratch implements AutoCloseable {

    final Backend backend;
    final String tag = "ct" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    private final List<String> ids = new ArrayList<>();

    Scratch(Backend backend) {
        this.backend = backend;
    }

    String user(String username) {
        String id = newId();
        insert("users", "{\"user_id\":\"" + id + "\",\"username\":\"" + username + "\",\"email\":\"" + username + "-"
                + tag + "@example.test\"}");
        return id;
    }

    /** A story whose prompt is the tag; createdAt orders it (e.g. "2026-01-01T00:00:01Z"). */
    String story(String title, String status, String userId, String createdAt) {
        String id = newId();
        JsonObject row = new JsonObject();
        row.addProperty("story_id", id);
        row.addProperty("title", title);
        row.addProperty("prompt", tag);
        row.addProperty("status", status);
        row.addProperty("user_id", userId);
        row.addProperty("created_at", createdAt);
        insert("stories", row.toString());
        return id;
    }

    String scene(String storyId, int sequence, String text) {
        String id = newId();
        insert("scenes", "{\"scene_id\":\"" + id + "\",\"story_id\":\"" + storyId + "\",\"sequence\":" + sequence
                + ",\"text\":\"" + text + "\"}");
        return id;
    }

    private String newId() {
        String id = UUID.randomUUID().toString();
        ids.add(id);
        return id;
    }

    private void insert(String table, String json) {
        HttpResponse<String> response = backend.send(backend.service(), "POST", "/" + table, json);
        assertEquals(201, response.statusCode(), () -> backend + " could not insert into " + table + ": " + response.body());
    }

    @Override
    public void close() {
        backend.send(backend.service(), "DELETE", "/stories?prompt=eq." + tag, null);
        backend.send(backend.service(), "DELETE", "/users?email=like.*" + tag + "*", null);
        if (!ids.isEmpty()) {
            backend.send(backend.service(), "DELETE", "/trash?item_id=in.(" + String.join(",", ids) + ")", null);
        }
    }
}
