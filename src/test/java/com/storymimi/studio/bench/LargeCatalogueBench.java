package com.storymimi.studio.bench;

import com.storymimi.studio.local.LocalSandbox;
import com.storymimi.studio.local.SandboxOptions;
import com.storymimi.studio.model.IntegrityReport;
import com.storymimi.studio.model.PageRequest;
import com.storymimi.studio.model.StoryQuery;
import com.storymimi.studio.service.OrphanedMedia;
import com.storymimi.studio.service.SupabaseIntegrityService;
import com.storymimi.studio.service.SupabaseObjectStorage;
import com.storymimi.studio.service.SupabaseStoryService;
import com.storymimi.studio.supabase.SupabaseClient;
import com.storymimi.studio.supabase.SupabaseConfig;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * A sandbox with a large catalogue (default 100 000 stories, 10 scenes each), filled through the REST API the app
 * uses (bulk inserts of 1000 rows, several in parallel), then the story table's reads through the services:
 * first page of 50 with the exact count, and search for common and rare terms. See docs/benchmarks.md.
 * Args: [stories (100000)] [scenes per story (10)] [calls per measurement (200)] [parallel inserts (4)] [scan]
 * The data directory is made in /tmp and deleted at the end.
 */
public final class LargeCatalogueBench {

    private static final String[] COMMON = {"dragon", "fox", "owl", "river", "moon", "castle", "forest", "robot"};
    /** One story in ~10 000 has it in the title, one in ~2 000 in the prompt. */
    private static final String RARE = "zebra";
    private static final String ABSENT = "quokka";
    private static final int BATCH = 1000;

    private LargeCatalogueBench() {
    }

    public static void main(String[] args) throws Exception {
        int stories = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        int scenesPerStory = args.length > 1 ? Integer.parseInt(args[1]) : 10;
        int calls = args.length > 2 ? Integer.parseInt(args[2]) : 200;
        int parallel = args.length > 3 ? Integer.parseInt(args[3]) : 4;
        boolean scan = Arrays.asList(args).contains("scan");
        Path dataDir = Files.createTempDirectory(Path.of("/tmp"), "storymimi-large");
        try (LocalSandbox sandbox = LocalSandbox.start(new SandboxOptions(dataDir, 0, false));
             SupabaseClient client = SupabaseClient.create(
                     new SupabaseConfig(sandbox.baseUrl(), sandbox.anonKey(), Duration.ofSeconds(120)))) {
            client.auth().signInWithPassword(sandbox.editorEmail(), sandbox.editorPassword()).join();
            fill(client, stories, scenesPerStory, parallel);
            System.out.printf(Locale.ROOT, "database file: %.0f MB%n", size(dataDir) / 1e6);
            measureReads(client, calls);
            if (scan) {
                measureScan(client);
            }
        } finally {
            deleteTree(dataDir);
        }
    }

    static void fill(SupabaseClient client, int stories, int scenesPerStory, int parallel) throws Exception {
        long start = System.nanoTime();
        Random random = new Random(7);
        Instant newest = Instant.parse("2026-11-01T00:00:00Z");
        List<Map<String, Object>> storyRows = new ArrayList<>();
        List<Map<String, Object>> sceneRows = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(parallel)) {
            List<Future<?>> pending = new ArrayList<>();
            for (int i = 0; i < stories; i++) {
                UUID id = UUID.randomUUID();
                storyRows.add(story(id, i, random, newest.minusSeconds(i * 300L)));
                for (int s = 1; s <= scenesPerStory; s++) {
                    sceneRows.add(scene(id, s));
                }
                if (storyRows.size() == BATCH || i == stories - 1) {
                    // stories first (the scenes' foreign key), then their scenes in parallel batches
                    client.rest().from("stories").insert(List.copyOf(storyRows)).execute().join();
                    storyRows.clear();
                    for (int from = 0; from < sceneRows.size(); from += BATCH) {
                        List<Map<String, Object>> batch = List.copyOf(sceneRows.subList(from,
                                Math.min(sceneRows.size(), from + BATCH)));
                        pending.add(pool.submit(() -> client.rest().from("scenes").insert(batch).execute().join()));
                    }
                    sceneRows.clear();
                    if (pending.size() > parallel * 4) {
                        for (Future<?> f : pending) {
                            f.get();
                        }
                        pending.clear();
                    }
                }
            }
            for (Future<?> f : pending) {
                f.get();
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        long rows = stories + (long) stories * scenesPerStory;
        System.out.printf(Locale.ROOT, "fill: %d stories + %d scenes in %.1f s (%.0f rows/s, %d parallel scene inserts)%n",
                stories, (long) stories * scenesPerStory, seconds, rows / seconds, parallel);
    }

    private static Map<String, Object> story(UUID id, int i, Random random, Instant created) {
        String word = COMMON[random.nextInt(COMMON.length)];
        String title = (random.nextInt(10_000) == 0 ? "The " + RARE + " and the " : "The ") + word + " " + i;
        String prompt = "A bedtime story about a " + word + (random.nextInt(2_000) == 0 ? " and a " + RARE : "")
                + " for a child aged " + (3 + random.nextInt(6));
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("story_id", id);
        row.put("title", title);
        row.put("prompt", prompt);
        row.put("status", i % 20 == 0 ? "PENDING" : i % 50 == 0 ? "ERROR" : "COMPLETED");
        row.put("created_at", created);
        row.put("updated_at", created);
        return row;
    }

    private static Map<String, Object> scene(UUID storyId, int sequence) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("scene_id", UUID.randomUUID());
        row.put("story_id", storyId);
        row.put("sequence", sequence);
        row.put("text", "Scene " + sequence + ": and so the journey went on through the night.");
        return row;
    }

    private static void measureReads(SupabaseClient client, int calls) {
        SupabaseStoryService stories = new SupabaseStoryService(client.rest());
        PageRequest first = PageRequest.first(50);
        long total = stories.list(StoryQuery.all(), first).join().total();
        System.out.println("exact total of the first page: " + total);
        report("list(all, first 50) + exact count", time(calls, () -> stories.list(StoryQuery.all(), first).join()));
        List<String> terms = new ArrayList<>();
        for (int i = 0; i < calls; i++) {
            terms.add(i % 10 == 0 ? RARE : i % 10 == 5 ? ABSENT : COMMON[i % COMMON.length]);
        }
        int[] next = {0};
        report("search(term, 20), common/rare/absent 8:1:1",
                time(calls, () -> stories.search(terms.get(next[0]++ % terms.size()), 20).join()));
        for (String term : List.of(COMMON[0], RARE, ABSENT)) {
            report("search(\"" + term + "\", 20)", time(calls / 4, () -> stories.search(term, 20).join()));
            report("list(withSearch(\"" + term + "\"), first 50) + exact count",
                    time(calls / 4, () -> stories.list(StoryQuery.all().withSearch(term), first).join()));
        }
    }

    private static void measureScan(SupabaseClient client) {
        try (ExecutorService io = Executors.newSingleThreadExecutor()) {
            SupabaseIntegrityService doctor = new SupabaseIntegrityService(client.rest(), client.storage(), io);
            long start = System.nanoTime();
            IntegrityReport report = doctor.scan().join();
            System.out.printf(Locale.ROOT, "integrity scan: %d scenes, %d stories, %d objects, %d findings in %.1f s%n",
                    report.scenes(), report.stories(), report.objects(), report.findings().size(),
                    (System.nanoTime() - start) / 1e9);
        }
    }

    /** Latencies in ms of {@code calls} calls after {@code calls / 4} (at least 10) warm-up calls. */
    private static double[] time(int calls, Supplier<?> call) {
        for (int i = 0; i < Math.max(10, calls / 4); i++) {
            call.get();
        }
        double[] ms = new double[calls];
        for (int i = 0; i < calls; i++) {
            long start = System.nanoTime();
            call.get();
            ms[i] = (System.nanoTime() - start) / 1e6;
        }
        Arrays.sort(ms);
        return ms;
    }

    private static void report(String what, double[] sorted) {
        System.out.printf(Locale.ROOT, "%-60s n=%4d  p50 %7.1f ms  p95 %7.1f ms  max %7.1f ms%n", what, sorted.length,
                percentile(sorted, 50), percentile(sorted, 95), sorted[sorted.length - 1]);
    }

    private static double percentile(double[] sorted, int p) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p / 100.0 * sorted.length) - 1)];
    }

    private static long size(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile).mapToLong(file -> file.toFile().length()).sum();
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(file);
            }
        }
    }
}
