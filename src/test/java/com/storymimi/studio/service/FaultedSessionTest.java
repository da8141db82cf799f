package com.storymimi.studio.service;

import com.storymimi.studio.model.TrashKind;
import com.storymimi.studio.service.trash.SupabaseTrashService;
import com.storymimi.studio.local.LocalSandbox;
import com.storymimi.studio.local.SandboxOptions;
import com.storymimi.studio.model.MediaRef;
import com.storymimi.studio.model.Scene;
import com.storymimi.studio.model.SceneDraft;
import com.storymimi.studio.model.Story;
import com.storymimi.studio.model.StoryDetail;
import com.storymimi.studio.model.StoryDraft;
import com.storymimi.studio.model.StoryStatus;
import com.storymimi.studio.supabase.SupabaseClient;
import com.storymimi.studio.supabase.SupabaseConfig;
import com.storymimi.studio.supabase.http.RetryPolicy;
import com.storymimi.studio.supabase.testing.FaultProxy;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The faults suite (issue #19): an editing session of 500 operations through the services, against the sandbox
 * behind a proxy that gives 30% of requests a fault (the answer cut after the server did the work, a 503 of its
 * own, or no answer at all). The editor does what the UI lets them do when a save fails: try the same thing
 * again, from the same loaded copy, with the same new-story id. Afterwards, read without the proxy, every story
 * is there exactly once with exactly the title, status and scene texts in the order the session ended with.
 */
class FaultedSessionTest {

    private static final String TAG = "faulted-session";

    @TempDir
    Path dataDir;

    private final Random random = new Random(23);
    private final AtomicInteger faults = new AtomicInteger();
    private final AtomicInteger repeats = new AtomicInteger();

    /** What the editor expects the catalogue to hold, story by story. */
    private final Map<UUID, Story> stories = new LinkedHashMap<>();
    private final Map<UUID, List<Scene>> scenes = new LinkedHashMap<>();
    /** What the session deleted and has not taken back: in the trash, exactly once each. */
    private final Map<UUID, Story> trashedStories = new LinkedHashMap<>();
    private final Map<UUID, List<Scene>> trashedScenes = new LinkedHashMap<>();
    private int stepsRun;

    @Test
    void fiveHundredEditsThroughAFaultyNetworkLandExactlyOnce() throws Exception {
        int operations = Integer.getInteger("storymimi.soak.faultOperations", 500);
        try (LocalSandbox sandbox = LocalSandbox.start(new SandboxOptions(dataDir, 0, false));
             FaultProxy proxy = new FaultProxy(sandbox.baseUrl().getPort(), FaultProxy.thirtyPercent(23, faults));
             SupabaseClient client = SupabaseClient.builder(new SupabaseConfig(proxy.uri(), sandbox.anonKey(),
                     Duration.ofMillis(500))).retryPolicy(new RetryPolicy(3, Duration.ofMillis(20), Duration.ofSeconds(1)))
                     .build()) {
            again(() -> client.auth().signInWithPassword(sandbox.editorEmail(), sandbox.editorPassword()));
            SupabaseStoryService storyService = new SupabaseStoryService(client.rest());
            SupabaseSceneService sceneService = new SupabaseSceneService(client.rest());
            trashService = new SupabaseTrashService(client.rest(), new MediaRemoval(new FakeObjectStorage(),
                    OrphanedMedia.IGNORE));
            mediaService = new SupabaseMediaService(client.rest(), new SupabaseObjectStorage(client.storage()),
                    OrphanedMedia.IGNORE, dataDir.resolve("media-cache"), Runnable::run);
            for (int i = 0; i < operations; i++) {
                step(i, storyService, sceneService);
            }
            assertEquals(operations, stepsRun, "every operation ran");

            try (SupabaseClient direct = SupabaseClient.create(new SupabaseConfig(sandbox.baseUrl(),
                    sandbox.serviceRoleKey(), Duration.ofSeconds(10)))) {
                assertTheCatalogueIsWhatTheSessionEndedWith(new SupabaseStoryService(direct.rest()), direct);
                assertEveryImageIsThereOnceWithItsBytes(direct);
            }
        }
        System.out.printf("faults suite: %d operations, %d faults injected, %d repeated attempts, %d stories, "
                + "%d deleted, %d restored, %d images attached, %d taken back%n", operations, faults.get(),
                repeats.get(), stories.size(), deletes, restores, attaches, mediaUndos);
        assertTrue(faults.get() > operations / 5, "faults were injected: " + faults.get());
        assertTrue(deletes > 0 && restores > 0, "deletes and their undos ran: " + deletes + ", " + restores);
        assertTrue(attaches > 0 && mediaUndos > 0, "attaches and their undos ran: " + attaches + ", " + mediaUndos);
    }


    private SupabaseTrashService trashService;
    private SupabaseMediaService mediaService;
    private int deletes;
    private int restores;
    private int attaches;
    private int mediaUndos;
    /** The bytes of every image the session uploaded, by public URL. */
    private final Map<String, byte[]> uploaded = new LinkedHashMap<>();

    private void step(int i, SupabaseStoryService storyService, SupabaseSceneService sceneService) {
        stepsRun++;
        int roll = random.nextInt(100);
        if (stories.size() < 3 || roll < 15) {
            UUID id = UUID.randomUUID();
            List<SceneDraft> drafts = List.of(new SceneDraft(1, "one " + i), new SceneDraft(2, "two " + i),
                    new SceneDraft(3, "three " + i));
            StoryDetail created = again(() -> storyService.createWithScenes(new StoryDraft(null, "Story " + i, TAG),
                    drafts, id));
            stories.put(id, created.story());
            scenes.put(id, new ArrayList<>(created.scenes()));
            return;
        }
        UUID storyId = new ArrayList<>(stories.keySet()).get(random.nextInt(stories.size()));
        List<Scene> current = scenes.get(storyId);
        if (roll < 50) {
            int index = random.nextInt(current.size());
            Scene loaded = current.get(index);
            String text = "text " + i;
            current.set(index, again(() -> sceneService.updateText(loaded, text)));
        } else if (roll < 55) {
            // Drop an image on a scene (a new file, or one the session uploaded before); now and then Ctrl+Z at once.
            int index = random.nextInt(current.size());
            Scene loaded = current.get(index);
            byte[] content = random.nextInt(4) == 0 && !uploaded.isEmpty() ? anEarlierImage() : newImage(i);
            Path file = write("image-" + i + ".png", content);
            Scene attached = again(() -> mediaService.attach(loaded, com.storymimi.studio.model.MediaKind.IMAGE, file,
                    sent -> { }));
            uploaded.put(attached.imageUrl(), content);
            attaches++;
            if (random.nextInt(3) == 0 && !java.util.Objects.equals(loaded.imageUrl(), attached.imageUrl())) {
                Scene undone = again(() -> mediaService.putBack(attached, com.storymimi.studio.model.MediaKind.IMAGE,
                        loaded.imageUrl()));
                mediaUndos++;
                current.set(index, undone);
            } else {
                current.set(index, attached);
            }
        } else if (roll < 70) {
            Story loaded = stories.get(storyId);
            stories.put(storyId, again(() -> storyService.update(loaded, new StoryDraft(null, "Title " + i, TAG))));
        } else if (roll < 85) {
            Story loaded = stories.get(storyId);
            StoryStatus status = StoryStatus.values()[random.nextInt(StoryStatus.values().length)];
            stories.put(storyId, again(() -> storyService.updateStatus(loaded, status)));
        } else if (roll < 91 && stories.size() > 3) {
            // Delete, as the editor does: to the trash; a repeat after a lost answer finds it there.
            again(() -> storyService.delete(storyId));
            deletes++;
            trashedStories.put(storyId, stories.remove(storyId));
            trashedScenes.put(storyId, scenes.remove(storyId));
        } else if (roll < 95 && !trashedStories.isEmpty()) {
            // Undo of a delete: a repeat after a lost answer finds the story back.
            UUID back = new ArrayList<>(trashedStories.keySet()).get(random.nextInt(trashedStories.size()));
            again(() -> trashService.restoreLatest(TrashKind.STORY, back));
            restores++;
            stories.put(back, trashedStories.remove(back));
            scenes.put(back, trashedScenes.remove(back));
        } else {
            List<UUID> order = new ArrayList<>(current.stream().map(Scene::sceneId).toList());
            java.util.Collections.rotate(order, 1);
            scenes.put(storyId, new ArrayList<>(again(() -> sceneService.reorder(storyId, order))));
        }
    }

    /** A small PNG no other step wrote: the header, then the step's number. */
    private static byte[] newImage(int step) {
        byte[] header = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, 'I', 'H', 'D', 'R'};
        byte[] tail = ("step " + step).getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        byte[] image = java.util.Arrays.copyOf(header, header.length + tail.length);
        System.arraycopy(tail, 0, image, header.length, tail.length);
        return image;
    }

    private byte[] anEarlierImage() {
        List<byte[]> earlier = new ArrayList<>(uploaded.values());
        return earlier.get(random.nextInt(earlier.size()));
    }

    private Path write(String name, byte[] content) {
        try {
            return java.nio.file.Files.write(java.nio.file.Files.createDirectories(dataDir.resolve("files")).resolve(name),
                    content);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /**
     * Every scene names the image the session left it with, and that object holds exactly the bytes uploaded for it;
     * the image bucket holds nothing else but what the trash keeps: no copy from a repeated upload, nothing half done.
     */
    private void assertEveryImageIsThereOnceWithItsBytes(SupabaseClient client) {
        java.util.Set<MediaRef> expected = new java.util.HashSet<>();
        for (List<Scene> story : scenes.values()) {
            for (Scene scene : story) {
                if (scene.imageUrl() != null) {
                    MediaRef object = MediaRef.fromPublicUrl(scene.imageUrl()).orElseThrow();
                    expected.add(object);
                    assertTrue(java.util.Arrays.equals(uploaded.get(scene.imageUrl()), client.storage()
                            .from(object.bucket()).downloadBytes(object.key()).join()),
                            "the object holds the bytes uploaded for it: " + object);
                }
            }
        }
        client.rest().from("trash").select(TrashContents.COLUMNS).list(TrashContents.class).join().body()
                .forEach(item -> expected.addAll(item.objects()));
        java.util.Set<MediaRef> stored = new java.util.HashSet<>();
        for (UUID storyId : java.util.stream.Stream.concat(scenes.keySet().stream(), trashedScenes.keySet().stream())
                .toList()) {
            client.storage().from("story-images").list(storyId + "/", new com.storymimi.studio.supabase.storage
                            .ListOptions(1000, 0, null, "")).join()
                    .forEach(object -> stored.add(new MediaRef("story-images", storyId + "/" + object.name())));
        }
        assertEquals(expected, stored, "the images the scenes name and the trash keeps, each once, nothing else");
    }

    /** The editor's retry: the same call again while the service says it is unavailable. */
    private <T> T again(Supplier<CompletableFuture<T>> attempt) {
        for (int tries = 0; tries < 30; tries++) {
            try {
                return attempt.get().join();
            } catch (CompletionException e) {
                ServiceException failure = ServiceFailures.translate(e);
                if (failure.reason() != ServiceException.Reason.UNAVAILABLE) {
                    fail("a repeated attempt must not fail otherwise: " + failure.reason() + " " + failure.getMessage(), e);
                }
                repeats.incrementAndGet();
            }
        }
        return fail("still unavailable after 30 attempts");
    }

    private void assertTheCatalogueIsWhatTheSessionEndedWith(SupabaseStoryService direct, SupabaseClient client) {
        for (UUID trashed : trashedStories.keySet()) {
            assertEquals(1, client.rest().from("trash").select("trash_id")
                    .filter(com.storymimi.studio.supabase.rest.Filter.eq("item_id", trashed)).list(Map.class).join()
                    .body().size(), "a deleted story is in the trash exactly once");
        }
        List<?> rows = client.rest().from("stories").select("story_id")
                .filter(com.storymimi.studio.supabase.rest.Filter.eq("prompt", TAG)).list(Map.class).join().body();
        assertEquals(stories.size(), rows.size(), "every story exactly once: no duplicate, none missing");
        for (Map.Entry<UUID, Story> expected : stories.entrySet()) {
            StoryDetail stored = direct.detail(expected.getKey()).join().orElseThrow(() ->
                    new AssertionError("story missing: " + expected.getKey()));
            assertEquals(expected.getValue().title(), stored.story().title());
            assertEquals(expected.getValue().status(), stored.story().status());
            assertEquals(scenes.get(expected.getKey()).stream().map(Scene::text).toList(),
                    stored.scenes().stream().map(Scene::text).toList(), "scene texts in order, each once");
            assertEquals(scenes.get(expected.getKey()).stream().map(Scene::imageUrl).toList(),
                    stored.scenes().stream().map(Scene::imageUrl).toList(), "each scene's image as the session left it");
        }
    }
}
