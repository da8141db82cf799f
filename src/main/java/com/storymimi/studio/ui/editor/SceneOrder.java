package com.storymimi.studio.ui.editor;

import com.storymimi.studio.model.Scene;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.collections.ObservableList;

import java.util.ArrayList;
import java.util.List;
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

    SceneOrder(EditorContext context, UUID storyId, ObservableList<SceneItem> scenes, Consumer<Scene> sceneChanged) {
        this.context = context;
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
        List<UUID> ids = after.stream().map(SceneItem::sceneId).toList();
        context.scenes().reorder(storyId, ids).whenComplete((saved, failure) -> context.fx().execute(() -> {
            running.set(false);
            if (failure != null) {
                scenes.setAll(before);
                context.dialogs().showError(context.messages().describe(failure, "reorder"));
            } else {
                saved.forEach(sceneChanged);
            }
        }));
        return true;
    }

    ReadOnlyBooleanProperty runningProperty() {
        return running.getReadOnlyProperty();
    }
}
