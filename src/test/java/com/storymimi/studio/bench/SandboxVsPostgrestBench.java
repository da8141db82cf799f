package com.storymimi.studio.bench;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.storymimi.studio.local.LocalSandbox;
import com.storymimi.studio.local.SandboxOptions;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The app's query mix against the sandbox and against real PostgREST + PostgreSQL (when the POSTGREST_*
 * variables of contract/real-backend.sh are set), same dataset, same client, same run. See docs/benchmarks.md.
 * Args: [stories (5000)] [iterations per operation (1000)] [clients (1)].
 */
public final class SandboxVsPostgrestBench {

    private static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private static final String[] WORDS = {"dragon", "fox", "owl", "river", "moon", "castle", "forest", "robot",
            "ocean", "garden"};
    private static final String RARE = "zebra";

    private record Target(String name, String root, String apikey, String bearer) {
    }

    private record Op(String name, Call call) {
    }

    @FunctionalInterface
    private interface Call {
        HttpResponse<String> run(Target target, Random random);
    }

    private SandboxVsPostgrestBench() {
    }

    public static void main(String[] args) throws Exception {
        int stories = args.length > 0 ? Integer.parseInt(args[0]) : 5000;
        int iterations = args.length > 1 ? Integer.parseInt(args[1]) : 1000;
        int clients = args.length > 2 ? Integer.parseInt(args[2]) : 1;
        List<Target> targets = new ArrayList<>();
        try (LocalSandbox sandbox = LocalSandbox.start(new SandboxOptions(Files.createTempDirectory("bench"), 0, false))) {
            targets.add(new Target("sandbox", sandbox.baseUrl() + "/rest/v1", sandbox.anonKey(), signIn(sandbox)));
            String url = System.getenv("POSTGREST_URL");
            if (url != null) {
                targets.add(new Target("postgrest", url, System.getenv("POSTGREST_ANON_KEY"),
                        System.getenv("POSTGREST_AUTHENTICATED_KEY")));
            } else {
                System.out.println("real PostgREST not configured (run contract/real-backend.sh start): sandbox only");
            }
            String tag = "bench" + UUID.randomUUID().toString().substring(0, 8);
            Map<String, List<String>> ids = new LinkedHashMap<>();
            for (Target target : targets) {
                long start = System.nanoTime();
                ids.put(target.name(), load(target, tag, stories));
                System.out.printf(Locale.ROOT, "%s: loaded %d stories, %d scenes in %.1f s%n", target.name(), stories,
                        stories * 5, (System.nanoTime() - start) / 1e9);
            }
            Map<String, Map<String, Double>> results = new LinkedHashMap<>();
            for (Target target : targets) {
                List<String> storyIds = ids.get(target.name());
                Map<String, Double> perOp = new LinkedHashMap<>();
                for (Op op : ops(storyIds, tag)) {
                    measure(target, op, Math.max(50, iterations / 5), clients);
                    perOp.put(op.name(), measure(target, op, iterations, clients));
                }
                results.put(target.name(), perOp);
                send(target, "DELETE", "/stories?prompt=like." + tag + "*", null);
            }
            report(results, stories, iterations, clients);
        }
    }

    private static List<Op> ops(List<String> storyIds, String tag) {
        return List.of(
                new Op("story page + exact count", (t, r) -> send(t, "GET",
                        "/stories?select=story_id,title,status,created_at&order=created_at.desc&limit=20&offset="
                                + r.nextInt(storyIds.size() - 20), null, "Prefer", "count=exact")),
                new Op("story detail with scenes", (t, r) -> send(t, "GET", "/stories?select=*,scenes(*)&story_id=eq."
                        + storyIds.get(r.nextInt(storyIds.size())) + "&scenes.order=sequence.asc", null)),
                new Op("search_stories RPC", (t, r) -> send(t, "POST", "/rpc/search_stories",
                        "{\"term\":\"" + (r.nextInt(10) == 0 ? RARE : WORDS[r.nextInt(WORDS.length)]) + "\",\"max_results\":20}")),
                new Op("insert story", (t, r) -> send(t, "POST", "/stories", "{\"title\":\"new " + r.nextInt()
                        + "\",\"prompt\":\"" + tag + "-new\"}")));
    }

    /** Requests per second over {@code iterations} calls spread across {@code clients} threads. */
    private static double measure(Target target, Op op, int iterations, int clients) throws Exception {
        AtomicInteger left = new AtomicInteger(iterations);
        long start = System.nanoTime();
        try (ExecutorService pool = Executors.newFixedThreadPool(clients)) {
            List<Future<?>> futures = new ArrayList<>();
            for (int c = 0; c < clients; c++) {
                Random random = new Random(42 + c);
                futures.add(pool.submit(() -> {
                    while (left.getAndDecrement() > 0) {
                        HttpResponse<String> response = op.call().run(target, random);
                        if (response.statusCode() >= 300) {
                            throw new IllegalStateException(target.name() + " " + op.name() + ": "
                                    + response.statusCode() + " " + response.body());
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> f : futures) {
                f.get();
            }
        }
        return iterations / ((System.nanoTime() - start) / 1e9);
    }

    /** Stories in batches of 1000 (bulk insert), each with five scenes, created_at spread over a year. */
    private static List<String> load(Target target, String tag, int count) {
        List<String> ids = new ArrayList<>();
        Random random = new Random(7);
        for (int from = 0; from < count; from += 1000) {
            JsonArray stories = new JsonArray();
            JsonArray scenes = new JsonArray();
            for (int i = from; i < Math.min(count, from + 1000); i++) {
                String id = UUID.nameUUIDFromBytes((tag + i).getBytes()).toString();
                ids.add(id);
                JsonObject story = new JsonObject();
                story.addProperty("story_id", id);
                String word = i % 100 == 0 ? RARE : WORDS[random.nextInt(WORDS.length)];
                story.addProperty("title", "Story " + i + " of the " + word);
                story.addProperty("prompt", tag + " a tale about a " + WORDS[random.nextInt(WORDS.length)]);
                story.addProperty("status", List.of("PENDING", "GENERATING", "COMPLETED", "ERROR").get(i % 4));
                story.addProperty("created_at", java.time.Instant.parse("2026-01-01T00:00:00Z").plusSeconds(i * 6311L).toString());
                stories.add(story);
                for (int s = 1; s <= 5; s++) {
                    JsonObject scene = new JsonObject();
                    scene.addProperty("story_id", id);
                    scene.addProperty("sequence", s);
                    scene.addProperty("text", "Scene " + s + " of story " + i + ": the " + word + " walks on.");
                    scenes.add(scene);
                }
            }
            expect(201, send(target, "POST", "/stories", stories.toString()));
            expect(201, send(target, "POST", "/scenes", scenes.toString()));
        }
        return ids;
    }

    private static void report(Map<String, Map<String, Double>> results, int stories, int iterations, int clients) {
        System.out.printf(Locale.ROOT, "%n%d stories / %d scenes, %d iterations per operation, %d client(s)%n",
                stories, stories * 5, iterations, clients);
        System.out.printf(Locale.ROOT, "| %-26s | %12s | %12s | %17s |%n", "operation", "sandbox r/s", "postgrest r/s",
                "sandbox/postgrest");
        System.out.println("|---|---:|---:|---:|");
        Map<String, Double> sandbox = results.get("sandbox");
        Map<String, Double> real = results.getOrDefault("postgrest", Map.of());
        for (String op : sandbox.keySet()) {
            Double other = real.get(op);
            System.out.printf(Locale.ROOT, "| %-26s | %12.0f | %12s | %17s |%n", op, sandbox.get(op),
                    other == null ? "-" : String.format(Locale.ROOT, "%.0f", other),
                    other == null ? "-" : String.format(Locale.ROOT, "%.2f", sandbox.get(op) / other));
        }
    }

    private static void expect(int status, HttpResponse<String> response) {
        if (response.statusCode() != status) {
            throw new IllegalStateException("expected " + status + " but got " + response.statusCode() + ": " + response.body());
        }
    }

    private static HttpResponse<String> send(Target target, String method, String path, String body, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(target.root() + path))
                .timeout(Duration.ofSeconds(60))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
                .header("apikey", target.apikey()).header("Authorization", "Bearer " + target.bearer())
                .header("Content-Type", "application/json");
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        try {
            return CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new IllegalStateException(target.name() + " " + method + " " + path, e);
        }
    }

    private static String signIn(LocalSandbox sandbox) {
        JsonObject credentials = new JsonObject();
        credentials.addProperty("email", sandbox.editorEmail());
        credentials.addProperty("password", sandbox.editorPassword());
        Target auth = new Target("sandbox", sandbox.baseUrl() + "/auth/v1", sandbox.anonKey(), sandbox.anonKey());
        HttpResponse<String> response = send(auth, "POST", "/token?grant_type=password", credentials.toString());
        expect(200, response);
        return JsonParser.parseString(response.body()).getAsJsonObject().get("access_token").getAsString();
    }
}
