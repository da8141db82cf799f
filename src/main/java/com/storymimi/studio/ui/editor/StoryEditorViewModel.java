package com.storymimi.studio.ui.editor;

import com.storymimi.studio.model.MediaKind;
import com.storymimi.studio.model.Scene;
import com.storymimi.studio.model.SceneDraft;
import com.storymimi.studio.model.Story;
import com.storymimi.studio.model.StoryDetail;
import com.storymimi.studio.model.StoryDraft;
import com.storymimi.studio.model.StoryStatus;
import com.storymimi.studio.model.TrashKind;
import com.storymimi.studio.service.ServiceException;
import com.storymimi.studio.ui.common.AsyncCommand;
import com.storymimi.studio.ui.common.UserMessages;
import com.storymimi.studio.ui.history.RevisionHistoryViewModel;
import com.storymimi.studio.ui.player.SheetRenderer;
import com.storymimi.studio.ui.player.StoryboardContext;
import com.storymimi.studio.ui.player.StoryboardSheets;
import com.storymimi.studio.ui.player.StoryboardViewModel;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.ForkJoinPool;

/**
 * The editor of one story: its header (title, status, prompt), the scene strip with add and reorder, and the
 * selected scene's text (autosaved, with drafts on disk) and media. Leaving a scene or the editor saves what
 * is pending; {@link #close()} completes once that is done.
 */
public final class StoryEditorViewModel {

    private final UUID storyId;
    private final EditorContext context;
    private StoryboardSheets sheets; // made on first use, one sheet at a time
    private final ReadOnlyObjectWrapper<Story> story = new ReadOnlyObjectWrapper<>(this, "story");
    private final StringProperty title = new SimpleStringProperty(this, "title", "");
    private final StringProperty prompt = new SimpleStringProperty(this, "prompt", "");
    private final ObjectProperty<StoryStatus> status = new SimpleObjectProperty<>(this, "status");
    private final ReadOnlyStringWrapper username = new ReadOnlyStringWrapper(this, "username", "");
    private final ObservableList<SceneItem> scenes = FXCollections.observableArrayList();
    private final ObservableList<SceneItem> scenesView = FXCollections.unmodifiableObservableList(scenes);
    private final ReadOnlyObjectWrapper<SceneItem> selected = new ReadOnlyObjectWrapper<>(this, "selected");
    private final StringProperty text = new SimpleStringProperty(this, "text", "");
    private final ReadOnlyObjectWrapper<SaveState> saveState = new ReadOnlyObjectWrapper<>(this, "saveState", SaveState.SAVED);
    private final ReadOnlyStringWrapper saveStateText = new ReadOnlyStringWrapper(this, "saveStateText", "");
    private final ReadOnlyStringWrapper notice = new ReadOnlyStringWrapper(this, "notice", "");
    private final ReadOnlyStringWrapper loadError = new ReadOnlyStringWrapper(this, "loadError", "");
    private final Map<UUID, SceneTextSession> sessions = new HashMap<>();
    private final SceneMediaViewModel media;
    private final StoryHeader header;
    private final SceneOrder order;
    private final AsyncCommand<Loaded> load;
    private final AsyncCommand<Scene> addScene;
    private final SceneDrop drop;
    private final ReadOnlyBooleanWrapper deleting = new ReadOnlyBooleanWrapper(this, "deleting");
    private final BooleanBinding busy;
    private SceneTextSession current;
    private boolean closed;
    private Runnable onClose = () -> { };
    private Runnable stopListening = () -> { };

    /** What opening the story fetched: the story with its scenes, and drafts left from an earlier session. */
    public record Loaded(StoryDetail detail, List<SceneTextDraft> drafts) {
    }

    public StoryEditorViewModel(UUID storyId, String username, EditorContext context) {
        this(storyId, username, context, ForkJoinPool.commonPool());
    }

    /** @param disk runs blocking file work (listing a dropped folder); tests pass a direct executor */
    StoryEditorViewModel(UUID storyId, String username, EditorContext context, Executor disk) {
        this.storyId = Objects.requireNonNull(storyId, "storyId");
        this.context = Objects.requireNonNull(context, "context");
        this.username.set(username == null ? context.texts().get("editor.noUser") : username);
        media = new SceneMediaViewModel(context, this::sceneChanged);
        header = new StoryHeader(context, story, title, prompt, status);
        order = new SceneOrder(context, storyId, scenes, this::sceneChanged, this::resyncScenes);
        load = new AsyncCommand<>(context.fx(), () -> context.stories().detail(storyId)
                .thenApply(found -> found.orElseThrow(() -> new ServiceException(ServiceException.Reason.NOT_FOUND,
                        "story " + storyId + " is gone")))
                .thenCombine(context.drafts().forStory(storyId), Loaded::new))
                .onSuccess(this::show)
                .onFailure(e -> loadError.set(context.messages().describe(e, "editor")));
        addScene = new AsyncCommand<>(context.fx(),
                () -> context.scenes().create(storyId, new SceneDraft(scenes.size() + 1, "")),
                story.isNotNull())
                .onSuccess(this::added)
                .onFailure(e -> context.dialogs().showError(context.messages().describe(e, "scenes")));
        drop = new SceneDrop(context, disk, () -> scenes, this::mediaAttached);
        busy = Bindings.or(load.runningProperty(), order.runningProperty()).or(addScene.runningProperty())
                .or(deleting);
    }

    public void start() {
        // An upload of this story's retried from the status bar shows here as it would have the first time.
        stopListening = context.media().onLaterAttach(scene -> context.fx().execute(() -> mediaAttached(scene)));
        load.restart();
    }

    private void show(Loaded loaded) {
        header.show(loaded.detail().story());
        Map<UUID, SceneTextDraft> drafts = new HashMap<>();
        loaded.drafts().forEach(d -> drafts.put(d.sceneId(), d));
        List<Integer> restored = new ArrayList<>();
        scenes.clear();
        sessions.clear();
        for (Scene scene : loaded.detail().scenes()) {
            SceneItem item = new SceneItem(scene);
            scenes.add(item);
            SceneTextDraft draft = drafts.remove(scene.sceneId());
            if (draft != null && !draft.text().equals(scene.text())) {
                sessions.put(scene.sceneId(), new SceneTextSession(item, context, draft));
                restored.add(scene.sequence());
            } else if (draft != null) {
                context.drafts().remove(draft.sceneId()); // the server has it already
            }
            loadThumbnail(item);
        }
        drafts.keySet().forEach(context.drafts()::remove); // drafts of scenes deleted meanwhile
        if (!restored.isEmpty()) {
            notice.set(context.texts().get("editor.restoredDrafts", restored.size(),
                    String.join(", ", restored.stream().map(String::valueOf).toList())));
        }
        select(scenes.isEmpty() ? null : scenes.stream()
                .filter(i -> sessions.containsKey(i.sceneId())).findFirst().orElse(scenes.getFirst()));
    }

    /** Shows a scene; the one left behind saves its pending text now. */
    public void select(SceneItem item) {
        if (item == selected.get()) {
            return;
        }
        if (current != null) {
            text.unbindBidirectional(current.textProperty());
            saveState.unbind();
            saveStateText.unbind();
            current.close();
        }
        selected.set(item);
        current = item == null ? null : sessions.computeIfAbsent(item.sceneId(),
                id -> new SceneTextSession(item, context, null));
        if (current == null) {
            text.set("");
            saveState.set(SaveState.SAVED);
            saveStateText.set("");
        } else {
            text.bindBidirectional(current.textProperty());
            saveState.bind(current.stateProperty());
            saveStateText.bind(current.stateTextProperty());
        }
        media.show(item == null ? null : item.scene());
    }

    private void added(Scene scene) {
        context.edits().created("undo.edit.addScene", scene.sequence(), TrashKind.SCENE, scene.sceneId(),
                () -> context.scenes().delete(scene), this::resyncScenes);
        SceneItem item = new SceneItem(scene);
        scenes.add(item);
        select(item);
    }

    /** Delete (button or key): asks once, naming the scene and its media, then deletes it. */
    public void deleteSelected() {
        SceneItem item = selected.get();
        if (item == null || deleting.get()) {
            return;
        }
        Scene scene = item.scene();
        deleting.set(true);
        context.dialogs().confirm(context.texts().get("editor.scene.delete.title", scene.sequence()),
                        deleteQuestion(scene), context.texts().get("editor.scene.delete.confirm"))
                .thenCompose(yes -> yes ? context.scenes().delete(scene)
                        : CompletableFuture.<List<Scene>>completedFuture(null))
                .whenComplete((remaining, failure) -> context.fx().execute(() -> {
                    deleting.set(false);
                    if (failure != null) {
                        context.dialogs().showError(context.messages().describe(failure, "sceneDelete"));
                    } else if (remaining != null) {
                        deleted(item, remaining);
                        context.edits().deleted("undo.edit.deleteScene", scene.sequence(), TrashKind.SCENE, scene.sceneId(),
                                () -> context.scenes().delete(scene), this::resyncScenes);
                    }
                }));
    }

    private String deleteQuestion(Scene scene) {
        String words = scene.text().strip().replaceAll("\\s+", " ");
        String name = words.isEmpty() ? "" : " '" + (words.length() <= 40 ? words : words.substring(0, 40).strip() + "…") + "'";
        String media = scene.imageUrl() != null && scene.audioUrl() != null ? "both"
                : scene.imageUrl() != null ? "image" : scene.audioUrl() != null ? "audio" : "none";
        return context.texts().get("editor.scene.delete.question." + media, scene.sequence(), name);
    }

    private void deleted(SceneItem item, List<Scene> remaining) {
        SceneTextSession session = sessions.remove(item.sceneId());
        if (session != null) {
            session.discard();
        }
        context.drafts().remove(item.sceneId());
        int index = scenes.indexOf(item);
        if (current != null && current.item() == item) { // nothing of it may be saved when it is left
            text.unbindBidirectional(current.textProperty());
            saveState.unbind();
            saveStateText.unbind();
            current = null;
        }
        boolean wasSelected = selected.get() == item;
        scenes.remove(item);
        remaining.forEach(this::sceneChanged);
        if (wasSelected) {
            select(scenes.isEmpty() ? null : scenes.get(Math.min(index, scenes.size() - 1)));
        }
    }

    /** Files or folders dropped on the scene strip: matched to scenes by number, planned, confirmed, uploaded. */
    public void dropOnStrip(List<Path> files) {
        drop.drop(files);
    }

    /** Stops a strip upload after the file under way. */
    public void stopStripUpload() {
        drop.stop();
    }

    /** A scene's media changed by a strip drop or a retried upload: its row, and the zones if it is shown. */
    private void mediaAttached(Scene scene) {
        sceneChanged(scene);
        SceneItem item = selected.get();
        if (item != null && item.sceneId().equals(scene.sceneId())) {
            media.show(scene);
        }
    }

    /** Alt+Up / Alt+Down: moves the selected scene by one place (one reorder call). */
    public void moveSelected(int delta) {
        SceneItem item = selected.get();
        if (item != null) {
            order.move(scenes.indexOf(item), scenes.indexOf(item) + delta);
        }
    }

    /** A drag in the strip dropped the scene at {@code from} onto the place {@code to}. */
    public void move(int from, int to) {
        order.move(from, to);
    }

    /** A media change or a reorder returned a newer row for a scene. */
    private void sceneChanged(Scene scene) {
        scenes.stream().filter(i -> i.sceneId().equals(scene.sceneId())).findFirst().ifPresent(item -> {
            boolean newImage = !Objects.equals(item.scene().imageUrl(), scene.imageUrl())
                    || !Objects.equals(item.scene().updatedAt(), scene.updatedAt());
            SceneTextSession session = sessions.get(scene.sceneId());
            if (session != null) {
                session.rebase(scene);
            } else {
                item.update(scene);
            }
            media.refreshRow(scene);
            if (newImage) {
                item.forgetThumbnail();
                loadThumbnail(item);
            }
        });
    }

    private void loadThumbnail(SceneItem item) {
        if (!item.needsThumbnail()) {
            return;
        }
        context.media().localCopy(item.scene(), MediaKind.IMAGE).whenComplete((path, failure) ->
                context.fx().execute(() -> {
                    if (failure == null) {
                        item.showThumbnail(path);
                    } else {
                        UserMessages.unwrap(failure); // no thumbnail: the strip shows the scene number alone
                    }
                }));
    }

    /** Ctrl+S: saves the text and the header now. */
    public CompletableFuture<Void> saveNow() {
        CompletableFuture<Void> text = current == null ? CompletableFuture.completedFuture(null) : current.saveNow();
        return CompletableFuture.allOf(text, header.commit());
    }

    /** Title or prompt field left (or Enter): saves the header if it changed. */
    public void commitHeader() {
        header.commit();
    }

    public void back() {
        onClose.run();
    }

    /**
     * After an undo or redo changed the story's scenes (a delete taken back, a move undone): the strip shows the
     * server's scenes again. Scenes still there keep their items and any text being typed; new ones are added at
     * their place; gone ones leave as a delete would. Nothing happens once the editor is closed.
     */
    void resyncScenes() {
        if (closed) {
            return;
        }
        context.scenes().list(storyId).whenComplete((current, failure) -> context.fx().execute(() -> {
            if (closed) {
                return;
            }
            if (failure != null) {
                context.dialogs().showError(context.messages().describe(failure, "scenes"));
                return;
            }
            Map<UUID, SceneItem> items = new HashMap<>();
            scenes.forEach(item -> items.put(item.sceneId(), item));
            List<UUID> wanted = current.stream().map(Scene::sceneId).toList();
            List.copyOf(scenes).stream().filter(item -> !wanted.contains(item.sceneId()))
                    .forEach(item -> deleted(item, List.of()));
            List<SceneItem> ordered = new ArrayList<>();
            for (Scene scene : current) {
                SceneItem item = items.get(scene.sceneId());
                if (item == null) {
                    item = new SceneItem(scene);
                    loadThumbnail(item);
                }
                ordered.add(item);
            }
            SceneItem keep = selected.get();
            scenes.setAll(ordered);
            current.forEach(this::sceneChanged);
            current.forEach(scene -> {
                SceneTextSession session = sessions.get(scene.sceneId());
                if (session != null) {
                    session.savedElsewhere(scene); // a restored or undone text shows, unless typing is pending
                }
            });
            if (keep == null && !scenes.isEmpty()) {
                select(scenes.getFirst());
            }
        }));
    }

    /** A storyboard player of this story, started once what is typed is saved. */
    public StoryboardViewModel play() {
        return storyboards().play(storyId, saveNow());
    }

    /** Saves a storyboard sheet of this story (what is typed is saved first), drawn by the view's renderer. */
    public CompletableFuture<Void> saveSheet(SheetRenderer renderer) {
        if (sheets == null) {
            sheets = new StoryboardSheets(storyboards(), context.dialogs(), renderer);
        }
        StoryboardSheets saving = sheets;
        return saveNow().handleAsync((saved, failure) -> null, context.fx())
                .thenCompose(ignored -> saving.save(storyId, titleProperty().get()));
    }

    private StoryboardContext storyboards() {
        return new StoryboardContext(context.stories(), context.media(), context.messages(), context.texts(),
                context.fx(), context.delays(), context.clock());
    }

    /** The story's saved history, for the History window; a restore there shows here at once. */
    public RevisionHistoryViewModel history() {
        RevisionHistoryViewModel history = new RevisionHistoryViewModel(storyId, context.revisions(),
                context.messages(), context.texts(), context.fx(), context.clock().getZone(), this::sceneName);
        history.setOnRestored(this::refreshFromServer);
        history.start();
        return history;
    }

    /** "Scene 3 · The owl wakes…" for a scene of the strip; a scene no longer there says so. */
    private String sceneName(UUID sceneId) {
        return scenes.stream().filter(item -> item.sceneId().equals(sceneId)).findFirst()
                .map(item -> {
                    String words = item.scene().text().strip().replaceAll("\\s+", " ");
                    String start = words.length() <= 30 ? words : words.substring(0, 30).strip() + "…";
                    return context.texts().get("editor.scene.title", item.scene().sequence())
                            + (start.isEmpty() ? "" : " · " + start);
                })
                .orElse(context.texts().get("history.scene.gone"));
    }

    /** After a restore: the header and the strip show what the server has now. */
    private void refreshFromServer() {
        resyncScenes();
        context.stories().detail(storyId).whenComplete((found, failure) -> context.fx().execute(() -> {
            if (!closed && failure == null && found.isPresent()) {
                header.show(found.get().story());
            }
        }));
    }

    /** Saves everything pending; completes when every answer arrived. Call when the editor goes away. */
    public CompletableFuture<Void> close() {
        closed = true;
        load.cancel();
        stopListening.run();
        List<CompletableFuture<Void>> pending = new ArrayList<>();
        sessions.values().forEach(s -> pending.add(s.close()));
        pending.add(header.commit());
        return CompletableFuture.allOf(pending.toArray(CompletableFuture[]::new));
    }

    public void setOnClose(Runnable onClose) {
        this.onClose = Objects.requireNonNull(onClose, "onClose");
    }

    public void dismissNotice() {
        notice.set("");
    }

    // -- properties -------------------------------------------------------------------------------------------

    public UUID storyId() {
        return storyId;
    }

    public ReadOnlyObjectProperty<Story> storyProperty() {
        return story.getReadOnlyProperty();
    }

    public StringProperty titleProperty() {
        return title;
    }

    public StringProperty promptProperty() {
        return prompt;
    }

    /** The story's status; setting it saves it. */
    public ObjectProperty<StoryStatus> statusProperty() {
        return status;
    }

    public ReadOnlyStringProperty usernameProperty() {
        return username.getReadOnlyProperty();
    }

    public ObservableList<SceneItem> scenes() {
        return scenesView;
    }

    public ReadOnlyObjectProperty<SceneItem> selectedProperty() {
        return selected.getReadOnlyProperty();
    }

    /** The selected scene's text; typing in it autosaves after a pause. */
    public StringProperty textProperty() {
        return text;
    }

    public ReadOnlyObjectProperty<SaveState> saveStateProperty() {
        return saveState.getReadOnlyProperty();
    }

    /** "Saved 12:04", "Saving…", "Not saved: … The text is kept on this computer." */
    public ReadOnlyStringProperty saveStateTextProperty() {
        return saveStateText.getReadOnlyProperty();
    }

    /** Something to know about the whole story (drafts restored, a header that could not be saved). */
    public ReadOnlyStringProperty noticeProperty() {
        return notice.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty loadErrorProperty() {
        return loadError.getReadOnlyProperty();
    }

    public SceneMediaViewModel media() {
        return media;
    }

    public BooleanBinding busyBinding() {
        return busy;
    }

    public AsyncCommand<Loaded> loadCommand() {
        return load;
    }

    public AsyncCommand<Scene> addSceneCommand() {
        return addScene;
    }

    /** True from the delete question until the server answered. */
    public ReadOnlyBooleanProperty deletingProperty() {
        return deleting.getReadOnlyProperty();
    }

    /** True from a strip drop until its last upload finished. */
    public ReadOnlyBooleanProperty stripUploadingProperty() {
        return drop.runningProperty();
    }

    /** "Checking 9 files…", "Uploading 3 of 8: 03.png", then "Uploaded 8 files; 1 refused." */
    public ReadOnlyStringProperty stripUploadStatusProperty() {
        return drop.statusProperty();
    }

    /** True while a reorder is on its way; further moves wait for it. */
    public ReadOnlyBooleanProperty reorderingProperty() {
        return order.runningProperty();
    }
}
