package com.storymimi.studio.ui.testing;

import com.storymimi.studio.model.Scene;
import com.storymimi.studio.model.SceneDraft;
import com.storymimi.studio.service.SceneService;
import com.storymimi.studio.service.ServiceException;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

/**
 * A {@link SceneService} over an {@link InMemoryCatalog}: sequences 1..n without gaps, CONFLICT for a text
 * saved over a newer version, reorder all-or-nothing and only with exactly the story's scene ids. Records the
 * calls the UI makes; {@link #failNext} makes the next write fail as the server would.
 */
public final class InMemorySceneService implements SceneService {

    private final InMemoryCatalog catalog;
    public final List<List<UUID>> reorders = new ArrayList<>();
    public final List<String> savedTexts = new ArrayList<>();
    private ServiceException nextFailure;
    private CompletableFuture<Void> gate;

    public InMemorySceneService(InMemoryCatalog catalog) {
        this.catalog = catalog;
    }

    /** The next reorder, create or text save fails with this (nothing written). */
    public synchronized void failNext(ServiceException failure) {
        nextFailure = failure;
    }

    /** Text saves wait until the returned future completes (to look at the UI while a save is under way). */
    public synchronized CompletableFuture<Void> holdTextSaves() {
        gate = new CompletableFuture<>();
        return gate;
    }

    private synchronized void failIfTold() {
        ServiceException failure = nextFailure;
        nextFailure = null;
        if (failure != null) {
            throw failure;
        }
    }

    @Override
    public CompletableFuture<List<Scene>> list(UUID storyId) {
        return catalog.answer(() -> catalog.scenesOf(storyId));
    }

    @Override
    public CompletableFuture<Scene> create(UUID storyId, SceneDraft draft) {
        return catalog.answer(() -> {
            synchronized (catalog) {
                failIfTold();
                catalog.story(storyId).orElseThrow(() -> InMemoryCatalog.notFound("story " + storyId));
                if (draft.sequence() != catalog.scenesOf(storyId).size() + 1) {
                    throw new ServiceException(ServiceException.Reason.DUPLICATE,
                            "scenes_story_id_sequence_key: sequence " + draft.sequence() + " is taken");
                }
                return catalog.insertScene(storyId, draft.text(), null, null);
            }
        });
    }

    @Override
    public CompletableFuture<List<Scene>> createAll(UUID storyId, List<SceneDraft> drafts) {
        return catalog.answer(() -> {
            synchronized (catalog) {
                failIfTold();
                drafts.forEach(d -> catalog.insertScene(storyId, d.text(), null, null));
                return catalog.scenesOf(storyId);
            }
        });
    }

    @Override
    public CompletableFuture<Scene> updateText(Scene loaded, String text) {
        CompletableFuture<Void> waitFor;
        synchronized (this) {
            waitFor = gate == null ? CompletableFuture.completedFuture(null) : gate;
        }
        return waitFor.thenCompose(open -> catalog.answer(() -> {
            synchronized (catalog) {
                failIfTold();
                Scene current = catalog.scene(loaded.sceneId())
                        .orElseThrow(() -> InMemoryCatalog.notFound("scene " + loaded.sceneId()));
                if (!current.updatedAt().equals(loaded.updatedAt())) {
                    throw InMemoryCatalog.conflict("scene " + loaded.sceneId());
                }
                Scene saved = new Scene(current.sceneId(), current.storyId(), current.sequence(), text,
                        current.imageUrl(), current.audioUrl(), current.createdAt(), catalog.tick());
                catalog.scenes.put(saved.sceneId(), saved);
                savedTexts.add(text);
                return saved;
            }
        }));
    }

    @Override
    public CompletableFuture<List<Scene>> delete(Scene scene) {
        return catalog.answer(() -> {
            synchronized (catalog) {
                failIfTold();
                Scene removed = catalog.scenes.remove(scene.sceneId());
                if (removed == null) {
                    throw InMemoryCatalog.notFound("scene " + scene.sceneId());
                }
                catalog.trashScene(removed);
                return renumber(scene.storyId(), catalog.scenesOf(scene.storyId()).stream().map(Scene::sceneId).toList());
            }
        });
    }

    @Override
    public CompletableFuture<List<Scene>> reorder(UUID storyId, List<UUID> sceneIdsInOrder) {
        return reorder(storyId, null, sceneIdsInOrder);
    }

    @Override
    public CompletableFuture<List<Scene>> reorder(UUID storyId, List<UUID> expectedOrder, List<UUID> sceneIdsInOrder) {
        synchronized (this) {
            reorders.add(List.copyOf(sceneIdsInOrder));
        }
        return catalog.answer(() -> {
            synchronized (catalog) {
                failIfTold();
                List<UUID> existing = catalog.scenesOf(storyId).stream().map(Scene::sceneId).toList();
                if (existing.size() != sceneIdsInOrder.size()
                        || !new HashSet<>(existing).equals(new HashSet<>(sceneIdsInOrder))) {
                    throw new ServiceException(ServiceException.Reason.INVALID,
                            "reorder must name exactly the story's scenes");
                }
                if (!existing.equals(sceneIdsInOrder) && expectedOrder != null && !existing.equals(expectedOrder)) {
                    throw new ServiceException(ServiceException.Reason.CONFLICT, "the scenes were reordered elsewhere");
                }
                return renumber(storyId, sceneIdsInOrder);
            }
        });
    }

    private List<Scene> renumber(UUID storyId, List<UUID> order) {
        return catalog.renumber(storyId, order);
    }
}
