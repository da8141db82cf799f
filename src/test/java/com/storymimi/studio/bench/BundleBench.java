package com.storymimi.studio.bench;

import com.storymimi.studio.local.LocalSandbox;
import com.storymimi.studio.local.SandboxOptions;
import com.storymimi.studio.model.MediaKind;
import com.storymimi.studio.model.Scene;
import com.storymimi.studio.model.SceneDraft;
import com.storymimi.studio.model.StoryDetail;
import com.storymimi.studio.model.StoryDraft;
import com.storymimi.studio.service.MediaRemoval;
import com.storymimi.studio.service.OrphanedMedia;
import com.storymimi.studio.service.SupabaseMediaService;
import com.storymimi.studio.service.SupabaseObjectStorage;
import com.storymimi.studio.service.SupabaseStoryService;
import com.storymimi.studio.service.bundle.BundleService.OnExisting;
import com.storymimi.studio.service.bundle.SupabaseBundleService;
import com.storymimi.studio.supabase.SupabaseClient;
import com.storymimi.studio.supabase.SupabaseConfig;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Export and import of a 100-scene story with 100 images and 100 MP3s on the sandbox (issue 21), against a baseline
 * measured in the same run: {@code cp} of the same 200 files plus the one {@code create_story_with_scenes} call the
 * import makes. Prints the medians of the rounds, the ratios and the peak heap growth while each ran (sampled every
 * 5 ms after a GC): the bundle is streamed, never held in memory. See docs/benchmarks.md, "Story bundles".
 * Args: [rounds (5)] [image KB (100)] [narration KB (200)].
 */
public final class BundleBench {

    private BundleBench() {
    }

    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        int imageKb = args.length > 1 ? Integer.parseInt(args[1]) : 100;
        int audioKb = args.length > 2 ? Integer.parseInt(args[2]) : 200;
        Path dir = Files.createTempDirectory("bundle-bench");
        var io = Executors.newVirtualThreadPerTaskExecutor();
        try (LocalSandbox sandbox = LocalSandbox.start(new SandboxOptions(dir.resolve("sandbox"), 0, false));
             SupabaseClient client = SupabaseClient.create(new SupabaseConfig(sandbox.baseUrl(), sandbox.anonKey(),
                     Duration.ofSeconds(60)))) {
            client.auth().signInWithPassword(sandbox.editorEmail(), sandbox.editorPassword()).join();
            SupabaseObjectStorage storage = new SupabaseObjectStorage(client.storage());
            SupabaseStoryService stories = new SupabaseStoryService(client.rest());
            SupabaseMediaService media = new SupabaseMediaService(client.rest(), storage, OrphanedMedia.IGNORE,
                    dir.resolve("cache"), io);
            SupabaseBundleService bundles = new SupabaseBundleService(client.rest(), storage,
                    new MediaRemoval(storage, OrphanedMedia.IGNORE), io, Clock.systemUTC());

            Path sources = Files.createDirectories(dir.resolve("sources"));
            List<SceneDraft> drafts = new ArrayList<>();
            for (int i = 1; i <= 100; i++) {
                drafts.add(new SceneDraft(i, "Scene " + i + ": the owl flies over the sleeping village."));
            }
            StoryDetail story = stories.createWithScenes(new StoryDraft(null, "Bench story", "bench"), drafts).join();
            Random random = new Random(21);
            long bytes = 0;
            for (Scene scene : story.scenes()) {
                Path image = write(sources.resolve(scene.sequence() + ".png"), png(random, imageKb * 1024));
                Path audio = write(sources.resolve(scene.sequence() + ".mp3"), mp3(random, audioKb * 1024));
                bytes += Files.size(image) + Files.size(audio);
                Scene withImage = media.attach(scene, MediaKind.IMAGE, image, sent -> { }).join();
                media.attach(withImage, MediaKind.AUDIO, audio, sent -> { }).join();
            }
            System.out.printf(Locale.ROOT, "story: 100 scenes, 100 images of %d KB, 100 MP3s of %d KB (%.1f MB)%n",
                    imageKb, audioKb, bytes / 1048576.0);

            List<Long> export = new ArrayList<>();
            List<Long> importing = new ArrayList<>();
            List<Long> baseline = new ArrayList<>();
            long exportHeap = 0;
            long importHeap = 0;
            for (int round = 0; round < rounds; round++) {
                Path bundle = dir.resolve("round-" + round + ".storymimi");
                HeapPeak peak = HeapPeak.start();
                long start = System.nanoTime();
                bundles.export(List.of(story.story().storyId()), bundle, p -> { }).join();
                export.add(System.nanoTime() - start);
                exportHeap = Math.max(exportHeap, peak.stop());

                peak = HeapPeak.start();
                start = System.nanoTime();
                bundles.importBundle(bundle, OnExisting.COPY, p -> { }).join();
                importing.add(System.nanoTime() - start);
                importHeap = Math.max(importHeap, peak.stop());

                // The baseline: the same 200 files copied with cp, and the one atomic call the import makes.
                Path copy = dir.resolve("cp-" + round);
                start = System.nanoTime();
                Process cp = new ProcessBuilder("cp", "-r", sources.toString(), copy.toString()).inheritIO().start();
                if (cp.waitFor() != 0) {
                    throw new IllegalStateException("cp failed");
                }
                List<Map<String, Object>> scenes = new ArrayList<>();
                for (SceneDraft draft : drafts) {
                    scenes.add(Map.of("scene_id", UUID.randomUUID(), "sequence", draft.sequence(), "text", draft.text()));
                }
                client.rest().rpc("create_story_with_scenes", Map.of("story", Map.of("story_id", UUID.randomUUID(),
                        "title", "Baseline " + round, "prompt", "bench"), "scenes", scenes)).execute().join();
                baseline.add(System.nanoTime() - start);
                Files.delete(bundle);
            }
            double base = median(baseline);
            System.out.printf(Locale.ROOT, "baseline (cp of the 200 files + create_story_with_scenes): median %.0f ms%n",
                    base / 1e6);
            System.out.printf(Locale.ROOT, "export: median %.0f ms (min %.0f, max %.0f), %.1f x the baseline, "
                            + "peak heap growth %.1f MB%n", median(export) / 1e6, Collections.min(export) / 1e6,
                    Collections.max(export) / 1e6, median(export) / base, exportHeap / 1048576.0);
            System.out.printf(Locale.ROOT, "import: median %.0f ms (min %.0f, max %.0f), %.1f x the baseline, "
                            + "peak heap growth %.1f MB%n", median(importing) / 1e6, Collections.min(importing) / 1e6,
                    Collections.max(importing) / 1e6, median(importing) / base, importHeap / 1048576.0);
        } finally {
            io.shutdownNow();
        }
    }

    private static double median(List<Long> values) {
        List<Long> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2.0;
    }

    private static Path write(Path file, byte[] bytes) throws java.io.IOException {
        return Files.write(file, bytes);
    }

    private static byte[] png(Random random, int size) {
        byte[] bytes = new byte[size];
        random.nextBytes(bytes);
        byte[] header = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, 'I', 'H', 'D', 'R'};
        System.arraycopy(header, 0, bytes, 0, header.length);
        return bytes;
    }

    private static byte[] mp3(Random random, int size) {
        byte[] bytes = new byte[size];
        random.nextBytes(bytes);
        byte[] header = {'I', 'D', '3', 3, 0, 0, 0, 0, 0, 0, (byte) 0xFF, (byte) 0xFB, (byte) 0x90, 0x64};
        System.arraycopy(header, 0, bytes, 0, header.length);
        return bytes;
    }

    /** The highest used heap above the level after a GC, sampled every 5 ms until stopped. */
    private static final class HeapPeak {
        private final AtomicLong peak = new AtomicLong();
        private final long base;
        private final Thread sampler;
        private volatile boolean running = true;

        private HeapPeak(long base) {
            this.base = base;
            MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
            sampler = Thread.ofPlatform().daemon().start(() -> {
                while (running) {
                    peak.accumulateAndGet(memory.getHeapMemoryUsage().getUsed() - base, Math::max);
                    try {
                        Thread.sleep(5);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            });
        }

        static HeapPeak start() {
            System.gc();
            return new HeapPeak(ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed());
        }

        long stop() throws InterruptedException {
            running = false;
            sampler.join();
            return Math.max(0, peak.get());
        }
    }
}
