package com.storymimi.studio.service;

import com.storymimi.studio.model.SceneDraft;
import com.storymimi.studio.model.Story;
import com.storymimi.studio.model.StoryDraft;
import com.storymimi.studio.model.StoryStatus;
import com.storymimi.studio.supabase.SupabaseClient;
import com.storymimi.studio.supabase.rest.Filter;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;

/**
 * A story with 100 scenes, written two ways on the same server in the same run: {@code createWithScenes} (one RPC,
 * one transaction) against the reference client's pattern (insert the story, insert each scene on its own, then
 * update the status: 102 requests, no transaction). Prints the median of N repetitions per way and the ratio.
 * <pre>
 * mvn -o -q test-compile
 * java -cp target/classes:target/test-classes:$(cat cp.txt) com.storymimi.studio.service.CreateWithScenesBenchmark [N]
 * </pre>
 * Runs on the sandbox always, and on real PostgREST when POSTGREST_URL and POSTGREST_AUTHENTICATED_KEY are set.
 */
public final class CreateWithScenesBenchmark {

    private static final int SCENES = 100;
    private static final int WARM_UP = 3;

    private CreateWithScenesBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        // The JDK HttpServer (sandbox and relay) leaves Nagle on by default: a response written in two parts then
        // waits for the client's delayed ACK, about 40 ms on Linux loopback. Must be set before the server starts.
        System.setProperty("sun.net.httpserver.nodelay", "true");
        int repetitions = args.length > 0 ? Integer.parseInt(args[0]) : 10;
        Path dataDir = Files.createTempDirectory("storymimi-bench");
        try (ServiceBackend sandbox = ServiceBackend.open(ServiceBackend.Kind.SANDBOX, dataDir)) {
            run(sandbox, repetitions);
        }
        if (System.getenv("POSTGREST_URL") != null) {
            try (ServiceBackend real = ServiceBackend.open(ServiceBackend.Kind.POSTGREST, dataDir)) {
                run(real, repetitions);
            }
        } else {
            System.out.println("POSTGREST: skipped (POSTGREST_URL not set)");
        }
    }

    private static void run(ServiceBackend backend, int repetitions) {
        SupabaseStoryService stories = new SupabaseStoryService(backend.client.rest());
        List<SceneDraft> scenes = IntStream.rangeClosed(1, SCENES)
                .mapToObj(i -> new SceneDraft(i, "Scene " + i + ": the fox walks on.")).toList();
        try {
            stories.createWithScenes(new StoryDraft(null, "warm-up", ""), scenes).join();
        } catch (RuntimeException e) {
            System.out.println(backend + ": createWithScenes unavailable (" + e.getCause().getMessage() + ")");
            return;
        }
        for (int i = 0; i < WARM_UP; i++) {
            referencePattern(backend.client, stories, scenes);
            stories.createWithScenes(new StoryDraft(null, "warm-up", ""), scenes).join();
        }
        long[] rpc = new long[repetitions];
        long[] reference = new long[repetitions];
        for (int i = 0; i < repetitions; i++) {
            long start = System.nanoTime();
            stories.createWithScenes(new StoryDraft(null, "rpc " + i, ""), scenes).join();
            rpc[i] = System.nanoTime() - start;
            start = System.nanoTime();
            referencePattern(backend.client, stories, scenes);
            reference[i] = System.nanoTime() - start;
        }
        double rpcMs = median(rpc) / 1e6;
        double referenceMs = median(reference) / 1e6;
        System.out.printf("%s: %d scenes, N=%d: createWithScenes (1 RPC) median %.1f ms; reference pattern "
                        + "(%d requests) median %.1f ms; ratio %.1fx%n", backend, SCENES, repetitions, rpcMs,
                SCENES + 2, referenceMs, referenceMs / rpcMs);
    }

    /** What the Python reference client does in create_story_with_scenes, request for request. */
    private static void referencePattern(SupabaseClient client, StoryService stories, List<SceneDraft> scenes) {
        Story story = stories.create(new StoryDraft(null, "reference", "")).join();
        List<UUID> ids = new ArrayList<>();
        for (SceneDraft scene : scenes) {
            Map<String, Object> row = new LinkedHashMap<>();
            UUID id = UUID.randomUUID();
            row.put("scene_id", id);
            row.put("story_id", story.storyId());
            row.put("sequence", scene.sequence());
            row.put("text", scene.text());
            row.put("image_url", null);
            row.put("audio_url", null);
            client.rest().from("scenes").insert(row).returning().list(Map.class).join();
            ids.add(id);
        }
        client.rest().from("stories").update(Map.of("status", StoryStatus.COMPLETED))
                .filter(Filter.eq("story_id", story.storyId())).returning().list(Map.class).join();
    }

    private static long median(long[] values) {
        long[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }
}
