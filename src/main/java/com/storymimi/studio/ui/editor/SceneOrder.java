package com.storymimi.studio.ui.editor;

import com.storymimi.studio.model.Scene;
import com.storymimi.studio.ui.undo.UndoableEdit;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.collections.ObservableList;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * Moves scenes in the strip. The strip changes at once (the person sees the move), the new order goes to the
 * server in one atomic {@code reorder} call, and if that fails the strip rolls back to the order before.
 */
final class SceneOrder {

    private final EditorContext context;
    private final UUID storyId;
    private final ObservableList<SceneItem> scenes;
    private final Consumer<Scene> sceneChanged;
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper(this, "running");
    private final Runnable resync;

    /** @param resync shows the server's order again, after an undo or redo of a move */
    SceneOrder(EditorContext context, UUID storyId, ObservableList<SceneItem> scenes, Consumer<Scene> sceneChanged,
               Runnable resync) {
        this.context = context;
        this.resync = resync;
        this.storyId = storyId;
        this.scenes = scenes;
        this.sceneChanged = sceneChanged;
    }

    /** Moves the scene at {@code from} to index {@code to}; returns false when there is nothing to do now. */
    boolean move(int from, int to) {
        if (running.get() || from == to || from < 0 || to < 0 || from >= scenes.size() || to >= scenes.size()) {
            return false;
        }
        List<SceneItem> before = List.copyOf(scenes);
        List<SceneItem> after = new ArrayList<>(before);
        after.add(to, after.remove(from));
        scenes.setAll(after);
        running.set(true);
        List<UUID> seen = before.stream().map(SceneItem::sceneId).toList();
        List<UUID> ids = after.stream().map(SceneItem::sceneId).toList();
        context.scenes().reorder(storyId, seen, ids).whenComplete((saved, failure) -> context.fx().execute(() -> {
            if (failure == null) {
                running.set(false);
                saved.forEach(sceneChanged);
                record(from, to, seen, ids);
            } else {
                showServerOrder(before, ids, failure);
            }
        }));
        return true;
    }

    /** The move as an undoable edit: each direction is a reorder that expects the order the other one left. */
    private void record(int from, int to, List<UUID> before, List<UUID> after) {
        context.edits().record(UndoableEdit.of(context.texts().get("undo.edit.reorder", from + 1, to + 1),
                () -> context.scenes().reorder(storyId, after, before),
                () -> context.scenes().reorder(storyId, before, after), "reorder", resync));
    }

    /**
     * After a failed move the strip shows the order the server has: another editor's (a conflict), or ours when
     * only the answer was lost (then nothing is said: the move is done), or the order before the move. If the
     * server cannot be asked or the scenes themselves changed, it falls back to the order before the move.
     */
    private void showServerOrder(List<SceneItem> before, List<UUID> wanted, Throwable failure) {
        context.scenes().list(storyId).whenComplete((current, unreachable) -> context.fx().execute(() -> {
            running.set(false);
            Map<UUID, SceneItem> items = new HashMap<>();
            before.forEach(item -> items.put(item.sceneId(), item));
            if (unreachable != null || current.size() != items.size()
                    || !current.stream().allMatch(scene -> items.containsKey(scene.sceneId()))) {
                scenes.setAll(before);
                context.dialogs().showError(context.messages().describe(failure, "reorder"));
                return;
            }
            scenes.setAll(current.stream().map(scene -> items.get(scene.sceneId())).toList());
            current.forEach(sceneChanged);
            if (!current.stream().map(Scene::sceneId).toList().equals(wanted)) {
                context.dialogs().showError(context.messages().describe(failure, "reorder"));
            }
        }));
    }

    ReadOnlyBooleanProperty runningProperty() {
        return running.getReadOnlyProperty();
    }
}
