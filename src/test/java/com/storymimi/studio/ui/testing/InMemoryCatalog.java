package com.storymimi.studio.ui.testing;

import com.storymimi.studio.model.Scene;
import com.storymimi.studio.model.Story;
import com.storymimi.studio.model.TrashItem;
import com.storymimi.studio.model.TrashKind;
import com.storymimi.studio.service.ServiceException;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * The rows the in-memory story, scene and media services share, like the tables behind the real services:
 * stories, scenes, and a server clock that moves forward on every write (so {@code updated_at} changes and
 * optimistic updates can conflict). All access is synchronized on the catalog.
 */
public final class InMemoryCatalog {

    final Map<UUID, Story> stories = new LinkedHashMap<>();
    final Map<UUID, Scene> scenes = new LinkedHashMap<>();
    /** What the story and scene deletes moved to the trash, oldest first (see {@link InMemoryTrashService}). */
    final List<Trashed> trash = new ArrayList<>();

    /** One trash item and the rows it keeps. */
    record Trashed(TrashItem item, Story story, List<Scene> scenes) {
    }
    private final InMemoryUserService users;
    private final Duration latency;
    private Instant clock = Instant.parse("2025-03-01T09:00:00Z");

    public InMemoryCatalog(InMemoryUserService users, Duration latency) {
        this.users = users;
        this.latency = latency;
    }

    public InMemoryUserService users() {
        return users;
    }

    synchronized Instant tick() {
        clock = clock.plusSeconds(1);
        return clock;
    }

    synchronized String username(UUID userId) {
        return userId == null ? null : users.all().stream().filter(u -> u.userId().equals(userId))
                .map(u -> u.username()).findFirst().orElse(null);
    }

    synchronized List<Scene> scenesOf(UUID storyId) {
        List<Scene> list = new ArrayList<>(scenes.values().stream().filter(s -> s.storyId().equals(storyId)).toList());
        list.sort(Comparator.comparingInt(Scene::sequence));
        return list;
    }

    synchronized Optional<Story> story(UUID storyId) {
        return Optional.ofNullable(stories.get(storyId));
    }

    /** A story put straight into the rows (test set-up), with a creation time the caller picks. */
    public synchronized Story insertStory(UUID userId, String title, String prompt,
                                          com.storymimi.studio.model.StoryStatus status) {
        return insertStory(UUID.randomUUID(), userId, title, prompt, status);
    }

    /** A story under a given id (a create with a caller-chosen id). */
    public synchronized Story insertStory(UUID storyId, UUID userId, String title, String prompt,
                                          com.storymimi.studio.model.StoryStatus status) {
        Instant now = tick();
        Story story = new Story(storyId, userId, title, prompt, status, now, now);
        stories.put(story.storyId(), story);
        return story;
    }

    /** A story created at a given time (demo data spread over weeks). */
    public synchronized Story insertStory(UUID userId, String title, String prompt,
                                          com.storymimi.studio.model.StoryStatus status, Instant created) {
        Story story = new Story(UUID.randomUUID(), userId, title, prompt, status, created, created.plusSeconds(90));
        stories.put(story.storyId(), story);
        return story;
    }

    /** A scene appended to a story (test set-up). */
    public synchronized Scene insertScene(UUID storyId, String text, String imageUrl, String audioUrl) {
        Instant now = tick();
        Scene scene = new Scene(UUID.randomUUID(), storyId, scenesOf(storyId).size() + 1, text, imageUrl, audioUrl,
                now, now);
        scenes.put(scene.sceneId(), scene);
        return scene;
    }

    /** Changes a scene as another editor would, behind the UI's back (test set-up for conflicts). */
    public synchronized Scene changeSceneElsewhere(UUID sceneId, String text) {
        Scene old = scenes.get(sceneId);
        Scene changed = new Scene(old.sceneId(), old.storyId(), old.sequence(), text, old.imageUrl(), old.audioUrl(),
                old.createdAt(), tick());
        scenes.put(sceneId, changed);
        return changed;
    }

    /** Sets a scene's media URLs directly (test set-up). */
    public synchronized Scene setMedia(UUID sceneId, String imageUrl, String audioUrl) {
        Scene old = scenes.get(sceneId);
        Scene changed = new Scene(old.sceneId(), old.storyId(), old.sequence(), old.text(), imageUrl, audioUrl,
                old.createdAt(), tick());
        scenes.put(sceneId, changed);
        return changed;
    }

    synchronized void trashStory(Story story, List<Scene> storyScenes) {
        trash.add(new Trashed(new TrashItem(UUID.randomUUID(), TrashKind.STORY, story.storyId(), story.title(),
                story.userId(), username(story.userId()), 1, storyScenes.size(), null, null, tick()), story,
                List.copyOf(storyScenes)));
    }

    /** The scene is out of the table already; the later scenes close the gap, as trash_scene does. */
    synchronized void trashScene(Scene scene) {
        Story story = stories.get(scene.storyId());
        trash.add(new Trashed(new TrashItem(UUID.randomUUID(), TrashKind.SCENE, scene.sceneId(), scene.text(),
                scene.storyId(), story == null ? null : story.title(), 0, 1, null, null, tick()), null, List.of(scene)));
        renumber(scene.storyId(), scenesOf(scene.storyId()).stream().map(Scene::sceneId).toList());
    }

    /** Gives the story's scenes sequence = position in {@code order} + 1, stamping the moved ones. */
    synchronized List<Scene> renumber(UUID storyId, List<UUID> order) {
        for (int i = 0; i < order.size(); i++) {
            Scene s = scenes.get(order.get(i));
            if (s.sequence() != i + 1) {
                scenes.put(s.sceneId(), new Scene(s.sceneId(), s.storyId(), i + 1, s.text(), s.imageUrl(),
                        s.audioUrl(), s.createdAt(), tick()));
            }
        }
        return scenesOf(storyId);
    }

    public synchronized Optional<Scene> scene(UUID sceneId) {
        return Optional.ofNullable(scenes.get(sceneId));
    }

    public synchronized List<Story> allStories() {
        return List.copyOf(stories.values());
    }

    static ServiceException notFound(String what) {
        return new ServiceException(ServiceException.Reason.NOT_FOUND, what + " does not exist");
    }

    static ServiceException conflict(String what) {
        return new ServiceException(ServiceException.Reason.CONFLICT, what + " changed on the server since it was loaded");
    }

    /** Runs the work now (zero latency) or later on another thread, like a network answer. */
    <T> CompletableFuture<T> answer(Supplier<T> work) {
        if (latency.isZero()) {
            try {
                return CompletableFuture.completedFuture(work.get());
            } catch (RuntimeException e) {
                return CompletableFuture.failedFuture(e);
            }
        }
        Executor later = CompletableFuture.delayedExecutor(latency.toMillis(), TimeUnit.MILLISECONDS);
        return CompletableFuture.supplyAsync(work, later);
    }
}
