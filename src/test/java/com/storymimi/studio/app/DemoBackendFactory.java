package com.storymimi.studio.app;

import com.storymimi.studio.model.ConnectionProfile;
import com.storymimi.studio.model.Health;
import com.storymimi.studio.model.MediaKind;
import com.storymimi.studio.model.Scene;
import com.storymimi.studio.model.Story;
import com.storymimi.studio.model.StoryStatus;
import com.storymimi.studio.model.User;
import com.storymimi.studio.service.HealthService;
import com.storymimi.studio.ui.testing.FolderStorageBrowser;
import com.storymimi.studio.ui.testing.InMemoryCatalog;
import com.storymimi.studio.ui.testing.InMemoryIntegrityService;
import com.storymimi.studio.ui.testing.InMemoryMediaService;
import com.storymimi.studio.ui.testing.InMemorySceneService;
import com.storymimi.studio.ui.testing.InMemoryStoryService;
import com.storymimi.studio.ui.testing.InMemoryTrashService;
import com.storymimi.studio.ui.testing.NoRevisions;
import com.storymimi.studio.ui.testing.InMemoryUserService;
import com.storymimi.studio.ui.testing.MediaSamples;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Backends in memory with a little latency, for TestFX tests and the demo window. Each profile gets its own
 * users and stories; the sandbox starts with a few so the tables are not empty. Media live in a temporary
 * folder per backend.
 */
public final class DemoBackendFactory implements BackendFactory {

    private static final String[] TITLES = {
            "The Owl Who Could Not Sleep", "Pip and the Golden Acorn", "Luna Finds the Singing Shell",
            "The Brave Hedgehog", "Bramble and the Lost Star", "Tilly's Moonlight Meadow", "Otto and the Crystal Cave",
            "The Little Dragon's First Flight", "Finn and the Chatty Parrot", "Mimi Under the Willow"};
    private static final StoryStatus[] STATUSES = {StoryStatus.COMPLETED, StoryStatus.COMPLETED, StoryStatus.COMPLETED,
            StoryStatus.GENERATING, StoryStatus.PENDING, StoryStatus.ERROR};
    private static final String[] SENTENCES = {
            "Once upon a time, deep in the Whispering Woods, a small owl blinked at the moon.",
            "The wind carried a tune through the branches, soft as a lullaby.",
            "A wise old tortoise shuffled by and asked what was keeping everyone awake.",
            "Together they followed the glow of fireflies down to the river.",
            "By morning, everyone had found exactly what they were looking for."};
    private static final int[][] COLOURS = {{0x3b6ea8, 0xf2c14e}, {0x2d6a4f, 0xb7e4c7}, {0x6d597a, 0xeaac8b},
            {0x1d3557, 0xa8dadc}, {0x9c6644, 0xede0d4}};

    // Painted once per JVM: opening a backend must stay quick (tests start the window right after it).
    private static final List<byte[]> IMAGES = java.util.Arrays.stream(COLOURS)
            .map(c -> MediaSamples.png(240, 160, c[0], c[1])).toList();
    private static final List<byte[]> NARRATIONS = java.util.stream.IntStream.range(0, 5)
            .mapToObj(n -> MediaSamples.wav(1.2, 392 + 40 * n)).toList();

    private final Duration latency;
    private final int demoUsers;
    private final int demoStories;
    public final List<String> opened = new ArrayList<>();
    public final List<String> closed = new ArrayList<>();
    /** The catalog of the last opened backend, for tests that check what reached the "server". */
    public volatile InMemoryCatalog lastCatalog;
    /** The integrity doctor of the last opened backend: one finding of each kind until they are fixed. */
    public volatile InMemoryIntegrityService lastIntegrity;

    public DemoBackendFactory(Duration latency, int demoUsers) {
        this(latency, demoUsers, Math.min(demoUsers, 3) * 4);
    }

    public DemoBackendFactory(Duration latency, int demoUsers, int demoStories) {
        this.latency = latency;
        this.demoUsers = demoUsers;
        this.demoStories = demoStories;
    }

    @Override
    public synchronized Backend open(ConnectionProfile profile) throws Exception {
        Thread.sleep(latency.toMillis()); // opening takes a moment, like starting the sandbox does
        opened.add(profile.id());
        InMemoryUserService users = new InMemoryUserService(latency);
        seed(users);
        InMemoryCatalog catalog = new InMemoryCatalog(users, latency);
        Path objects = Files.createTempDirectory("storymimi-demo-media");
        objects.toFile().deleteOnExit();
        InMemoryMediaService media = new InMemoryMediaService(catalog, objects);
        seedStories(catalog, media, users.all());
        lastCatalog = catalog;
        InMemoryStoryService stories = new InMemoryStoryService(catalog);
        InMemorySceneService scenes = new InMemorySceneService(catalog);
        InMemoryIntegrityService integrity = new InMemoryIntegrityService(latency, owlOf(catalog)
                .map(InMemoryIntegrityService::sampleFindings).orElseGet(InMemoryIntegrityService::sampleFindings));
        lastIntegrity = integrity;
        FolderStorageBrowser storage = new FolderStorageBrowser(objects, latency);
        HealthService health = () -> CompletableFuture.supplyAsync(
                () -> new Health(true, Duration.ofMillis(3), Instant.now()),
                CompletableFuture.delayedExecutor(3, TimeUnit.MILLISECONDS));
        return new BackendServices(users, health, stories, scenes, media, integrity, storage,
                new InMemoryTrashService(catalog), new NoRevisions(),
                new com.storymimi.studio.ui.testing.NoBundles(), () -> {
            synchronized (this) {
                closed.add(profile.id());
            }
        });
    }

    /** The demo's Owl story, which the sample integrity findings are about. */
    private static Optional<UUID> owlOf(InMemoryCatalog catalog) {
        return catalog.allStories().stream().filter(story -> story.title().equals(InMemoryIntegrityService.OWL))
                .map(Story::storyId).findFirst();
    }

    private void seed(InMemoryUserService users) {
        String[][] people = {
                {"ana", "ana@example.com"}, {"bruno", "bruno@example.com"}, {"chloe", "chloe@storymimi.app"},
                {"dmitri", "dmitri@example.org"}, {"emma", "emma.w@example.com"}, {"farid", "farid@example.net"},
                {"grace", "grace@storymimi.app"}, {"hiro", "hiro@example.jp"}};
        for (int i = 0; i < demoUsers; i++) {
            String[] person = people[i % people.length];
            String suffix = i < people.length ? "" : String.valueOf(i / people.length);
            users.insert(person[0] + suffix, person[1].replace("@", suffix + "@"));
        }
    }

    /** Stories over all statuses; completed ones with scenes, each with an image and a short narration. */
    private void seedStories(InMemoryCatalog catalog, InMemoryMediaService media, List<User> users) {
        if (users.isEmpty()) {
            return;
        }
        for (int s = 0; s < demoStories; s++) {
            StoryStatus status = STATUSES[s % STATUSES.length];
            String title = TITLES[s % TITLES.length] + (s < TITLES.length ? "" : " " + (s / TITLES.length + 1));
            Instant created = Instant.parse("2025-02-28T18:00:00Z").minus(Duration.ofMinutes(s * 737L));
            Story story = catalog.insertStory(users.get(s % users.size()).userId(), title,
                    "A gentle bedtime story about " + title.toLowerCase() + ".", status, created);
            int sceneCount = status == StoryStatus.COMPLETED ? 3 + s % 3 : status == StoryStatus.GENERATING ? 1 : 0;
            for (int n = 0; n < sceneCount; n++) {
                Scene scene = catalog.insertScene(story.storyId(), SENTENCES[n % SENTENCES.length], null, null);
                String image = media.store(MediaKind.IMAGE, scene, "png", IMAGES.get((s + n) % IMAGES.size()));
                String audio = media.store(MediaKind.AUDIO, scene, "wav", NARRATIONS.get(n % NARRATIONS.size()));
                catalog.setMedia(scene.sceneId(), image, audio);
            }
        }
    }
}
