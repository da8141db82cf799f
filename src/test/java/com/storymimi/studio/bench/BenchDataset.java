package com.storymimi.studio.bench;

import com.storymimi.studio.supabase.SupabaseClient;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Seeds the read-mix dataset: {@code stories} stories of {@code scenesPerStory} scenes each, inserted in bulk
 * with the service_role key, and writes their ids (one per line) to {@code idsFile} so that the Java and the
 * JS benchmark pick the same stories. Titles combine {@link ReadMix#TERMS} so every search term matches a
 * share of the stories. Usage: {@code BenchDataset <idsFile> [stories] [scenesPerStory]}.
 */
public final class BenchDataset {

    private static final int BATCH = 250;
    private static final String[] ADJECTIVES = {"brave", "sleepy", "golden", "tiny", "curious", "silver", "gentle"};
    private static final String[] PLACES = {"forest", "harbour", "mountain", "meadow", "island", "city"};

    private BenchDataset() {
    }

    public static void main(String[] args) throws IOException {
        Path idsFile = Path.of(args[0]);
        int stories = args.length > 1 ? Integer.parseInt(args[1]) : 2000;
        int scenesPerStory = args.length > 2 ? Integer.parseInt(args[2]) : 5;
        long started = System.nanoTime();
        List<String> ids = new ArrayList<>();
        try (SupabaseClient client = BenchEnv.fromEnvironment().serviceClient()) {
            Instant newest = Instant.now();
            for (int from = 0; from < stories; from += BATCH) {
                List<Map<String, Object>> storyRows = new ArrayList<>();
                List<Map<String, Object>> sceneRows = new ArrayList<>();
                for (int i = from; i < Math.min(stories, from + BATCH); i++) {
                    String id = UUID.randomUUID().toString();
                    ids.add(id);
                    storyRows.add(story(id, i, newest.minusSeconds(60L * i)));
                    for (int sequence = 1; sequence <= scenesPerStory; sequence++) {
                        sceneRows.add(scene(id, i, sequence));
                    }
                }
                client.rest().from("stories").insert(storyRows).execute().join();
                if (!sceneRows.isEmpty()) {
                    client.rest().from("scenes").insert(sceneRows).execute().join();
                }
            }
        }
        Files.write(idsFile, ids);
        System.out.printf("seeded %d stories x %d scenes in %.1f s%n", stories, scenesPerStory,
                (System.nanoTime() - started) / 1e9);
    }

    private static Map<String, Object> story(String id, int i, Instant createdAt) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("story_id", id);
        row.put("title", "The " + ADJECTIVES[i % ADJECTIVES.length] + " " + ReadMix.TERMS[i % ReadMix.TERMS.length]
                + " of the " + PLACES[i % PLACES.length] + " #" + i);
        row.put("prompt", "A bedtime story about a " + ReadMix.TERMS[(i / 3) % ReadMix.TERMS.length]
                + " who learns to share, for children aged 4 to 6.");
        row.put("status", i % 10 == 0 ? "GENERATING" : "COMPLETED");
        row.put("created_at", createdAt.toString());
        row.put("updated_at", createdAt.toString());
        return row;
    }

    private static Map<String, Object> scene(String storyId, int story, int sequence) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("story_id", storyId);
        row.put("sequence", sequence);
        row.put("text", "Scene " + sequence + " of story " + story + ": the little hero walks on, looks around, "
                + "and finds something new behind the old stone wall. ".repeat(3));
        row.put("image_url", null);
        row.put("audio_url", null);
        return row;
    }
}
