package com.storymimi.studio.ui.testing;

import com.storymimi.studio.model.Scene;
import com.storymimi.studio.model.TrashItem;
import com.storymimi.studio.model.TrashKind;
import com.storymimi.studio.service.ServiceException;
import com.storymimi.studio.service.ServiceException.Reason;
import com.storymimi.studio.service.trash.TrashService;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

/**
 * A {@link TrashService} over what the in-memory story and scene deletes put into the {@link InMemoryCatalog},
 * with the real rules the UI depends on: a restore puts the rows back as they were (a scene at its position or
 * the end), NOT_FOUND once an item left the trash, INVALID for a scene whose story is gone.
 */
public final class InMemoryTrashService implements TrashService {

    private final InMemoryCatalog catalog;

    public InMemoryTrashService(InMemoryCatalog catalog) {
        this.catalog = catalog;
    }

    @Override
    public CompletableFuture<List<TrashItem>> list(int limit) {
        return catalog.answer(() -> {
            synchronized (catalog) {
                return catalog.trash.stream().map(InMemoryCatalog.Trashed::item)
                        .sorted(Comparator.comparing(TrashItem::deletedAt).reversed()).limit(limit).toList();
            }
        });
    }

    @Override
    public CompletableFuture<TrashItem> restore(UUID trashId) {
        return catalog.answer(() -> {
            synchronized (catalog) {
                InMemoryCatalog.Trashed trashed = catalog.trash.stream().filter(t -> t.item().trashId().equals(trashId))
                        .findFirst().orElseThrow(() -> InMemoryCatalog.notFound("trash item " + trashId));
                if (trashed.item().kind() == TrashKind.STORY) {
                    catalog.stories.put(trashed.story().storyId(), trashed.story());
                    trashed.scenes().forEach(scene -> catalog.scenes.put(scene.sceneId(), scene));
                } else {
                    putBack(trashed.scenes().getFirst());
                }
                catalog.trash.remove(trashed);
                return trashed.item();
            }
        });
    }

    private void putBack(Scene scene) {
        if (!catalog.stories.containsKey(scene.storyId())) {
            throw new ServiceException(Reason.INVALID, "the scene's story is not there any more");
        }
        List<UUID> order = new ArrayList<>(catalog.scenesOf(scene.storyId()).stream().map(Scene::sceneId).toList());
        int position = Math.min(scene.sequence(), order.size() + 1);
        // Back at its position, as it was; the scenes from there on move down (and only they get a new updated_at).
        catalog.scenes.put(scene.sceneId(), new Scene(scene.sceneId(), scene.storyId(), position, scene.text(),
                scene.imageUrl(), scene.audioUrl(), scene.createdAt(), scene.updatedAt()));
        order.add(position - 1, scene.sceneId());
        catalog.renumber(scene.storyId(), order);
    }

    @Override
    public CompletableFuture<Void> restoreLatest(TrashKind kind, UUID itemId) {
        UUID trashId;
        boolean back;
        synchronized (catalog) {
            trashId = catalog.trash.stream().filter(t -> t.item().itemId().equals(itemId))
                    .max(Comparator.comparing(t -> t.item().deletedAt())).map(t -> t.item().trashId()).orElse(null);
            back = catalog.stories.containsKey(itemId) || catalog.scenes.containsKey(itemId);
        }
        if (trashId == null) {
            return back ? CompletableFuture.completedFuture(null)
                    : CompletableFuture.failedFuture(InMemoryCatalog.notFound("trash item for " + itemId));
        }
        return restore(trashId).thenApply(item -> null);
    }

    @Override
    public CompletableFuture<Integer> deleteForever(List<UUID> trashIds) {
        return catalog.answer(() -> {
            synchronized (catalog) {
                int before = catalog.trash.size();
                catalog.trash.removeIf(t -> trashIds.contains(t.item().trashId()));
                return before - catalog.trash.size();
            }
        });
    }

    @Override
    public CompletableFuture<Integer> purgeDeletedBefore(Instant cutoff) {
        return catalog.answer(() -> {
            synchronized (catalog) {
                int before = catalog.trash.size();
                catalog.trash.removeIf(t -> t.item().deletedAt().isBefore(cutoff));
                return before - catalog.trash.size();
            }
        });
    }
}
