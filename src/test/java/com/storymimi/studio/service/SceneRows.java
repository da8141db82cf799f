package com.storymimi.studio.service;

import com.storymimi.studio.supabase.SupabaseClient;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Many scene rows in bulk inserts of at most 1000, numbered 1..n per story. */
final class SceneRows {

    private static final int BATCH = 1000;

    private SceneRows() {
    }

    static void bulk(SupabaseClient client, List<UUID> stories, int perStory) {
        List<Map<String, Object>> batch = new ArrayList<>(BATCH);
        for (UUID story : stories) {
            for (int sequence = 1; sequence <= perStory; sequence++) {
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("scene_id", UUID.randomUUID());
                row.put("story_id", story);
                row.put("sequence", sequence);
                row.put("text", "scene " + sequence);
                batch.add(row);
                if (batch.size() == BATCH) {
                    client.rest().from("scenes").insert(batch).execute().join();
                    batch.clear();
                }
            }
        }
        if (!batch.isEmpty()) {
            client.rest().from("scenes").insert(batch).execute().join();
        }
    }
}
