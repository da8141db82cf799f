package com.storymimi.studio.ui.editor;

import com.storymimi.studio.model.MediaKind;
import com.storymimi.studio.model.Scene;
import com.storymimi.studio.service.ServiceException;
import com.storymimi.studio.ui.undo.UndoableEdit;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/**
 * Images and narrations attached to or removed from scenes of one story, as one undoable edit (a drop of several
 * files is one step). The media they replaced are kept by the trash, so undoing points each scene back at what it
 * had ({@code MediaService.putBack}) and redoing at what the edit gave it. Each scene is re-read first: one that
 * names something else now (someone else's change) is a conflict, one that names the wanted media already is done,
 * so a step repeated after a failure finishes what is left.
 */
final class MediaEdit implements UndoableEdit {

    /** One scene's {@code kind} went from {@code before} to {@code after} (null: none). */
    record Change(UUID sceneId, MediaKind kind, String before, String after) {

        static Change of(Scene before, Scene after, MediaKind kind) {
            return new Change(after.sceneId(), kind, urlOf(before, kind), urlOf(after, kind));
        }
    }

    private final EditorContext context;
    private final UUID storyId;
    private final List<Change> changes;
    private final String label;
    private final Consumer<Scene> sceneChanged;
    private final List<Scene> rows = new ArrayList<>();

    /**
     * @param sequence     the scene's number, for the label of a single change
     * @param sceneChanged told about each scene row an undo or redo wrote, on the FX thread
     */
    MediaEdit(EditorContext context, UUID storyId, List<Change> changes, int sequence, Consumer<Scene> sceneChanged) {
        if (changes.isEmpty()) {
            throw new IllegalArgumentException("a media edit changes something");
        }
        this.context = context;
        this.storyId = storyId;
        this.changes = List.copyOf(changes);
        this.sceneChanged = sceneChanged;
        this.label = this.changes.size() > 1 ? context.texts().get("undo.edit.media.several", this.changes.size())
                : context.texts().get(labelKey(this.changes.getFirst()), sequence);
    }

    private static String labelKey(Change change) {
        String what = change.kind() == MediaKind.IMAGE ? "image" : "audio";
        String how = change.before() == null ? "add" : change.after() == null ? "remove" : "replace";
        return "undo.edit.media." + how + "." + what;
    }

    @Override
    public String label() {
        return label;
    }

    @Override
    public CompletableFuture<?> undo() {
        return apply(changes.reversed(), true);
    }

    @Override
    public CompletableFuture<?> redo() {
        return apply(changes, false);
    }

    @Override
    public String failureTopic() {
        return "undoMedia";
    }

    private CompletableFuture<Void> apply(List<Change> steps, boolean back) {
        rows.clear();
        return context.scenes().list(storyId).thenCompose(scenes -> {
            Map<UUID, Scene> current = new HashMap<>();
            scenes.forEach(scene -> current.put(scene.sceneId(), scene));
            CompletableFuture<Void> done = CompletableFuture.completedFuture(null);
            for (Change step : steps) {
                String expected = back ? step.after() : step.before();
                String wanted = back ? step.before() : step.after();
                done = done.thenCompose(ignored -> {
                    Scene fresh = current.get(step.sceneId());
                    if (fresh == null) {
                        throw new ServiceException(ServiceException.Reason.NOT_FOUND, "the scene is gone");
                    }
                    String now = urlOf(fresh, step.kind());
                    if (Objects.equals(now, wanted)) {
                        return CompletableFuture.completedFuture(null);
                    }
                    if (!Objects.equals(now, expected)) {
                        throw new ServiceException(ServiceException.Reason.CONFLICT, "the media changed since this edit");
                    }
                    return context.media().putBack(fresh, step.kind(), wanted).thenAccept(row -> {
                        current.put(row.sceneId(), row);
                        rows.add(row);
                    });
                });
            }
            return done;
        });
    }

    @Override
    public void changed() {
        rows.forEach(sceneChanged);
    }

    static String urlOf(Scene scene, MediaKind kind) {
        return kind == MediaKind.IMAGE ? scene.imageUrl() : scene.audioUrl();
    }
}
