package com.storymimi.studio.ui.editor;

import com.storymimi.studio.model.Scene;
import com.storymimi.studio.service.ServiceException;
import com.storymimi.studio.ui.common.ConflictResolution;
import com.storymimi.studio.ui.common.PeriodicScheduler;
import com.storymimi.studio.ui.common.UserMessages;
import com.storymimi.studio.ui.undo.UndoableEdit;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;

/**
 * The text of one scene while it is edited. It saves after a pause in typing ({@link #AUTOSAVE_DELAY}), on
 * {@link #saveNow()} and when the person leaves the scene. Before each save the text is written to the
 * {@link DraftStore}; the draft is removed only once the server confirmed exactly that text. One save is
 * under way at a time: text typed meanwhile is saved after it, over the version the server just returned.
 */
final class SceneTextSession {

    static final Duration AUTOSAVE_DELAY = Duration.ofMillis(1500);

    private final SceneItem item;
    private final EditorContext context;
    private final StringProperty text = new SimpleStringProperty(this, "text", "");
    private final ReadOnlyObjectWrapper<SaveState> state = new ReadOnlyObjectWrapper<>(this, "state", SaveState.SAVED);
    private final ReadOnlyStringWrapper stateText = new ReadOnlyStringWrapper(this, "stateText", "");
    private Scene base;
    private PeriodicScheduler.Cancellable pending;
    private CompletableFuture<Void> inFlight;
    private boolean settingText;
    /** The undoable edit of this session's saves; consecutive saves extend it while it is the newest edit. */
    private TextEdit lastEdit;

    SceneTextSession(SceneItem item, EditorContext context, SceneTextDraft restored) {
        this.item = item;
        this.context = context;
        this.base = item.scene();
        setText(base.text());
        if (restored != null) {
            // Saved later over the version it was typed on: a change made elsewhere since shows as a conflict.
            base = withUpdatedAt(base, restored.baseUpdatedAt());
            setText(restored.text());
            show(SaveState.DRAFT_KEPT, context.texts().get("editor.text.restored"));
            item.markUnsaved(true);
        }
        text.addListener((obs, old, now) -> {
            if (!settingText) {
                edited();
            }
        });
    }

    private static Scene withUpdatedAt(Scene s, java.time.Instant updatedAt) {
        return updatedAt == null ? s : new Scene(s.sceneId(), s.storyId(), s.sequence(), s.text(), s.imageUrl(),
                s.audioUrl(), s.createdAt(), updatedAt);
    }

    private void edited() {
        show(SaveState.EDITED, context.texts().get("editor.text.edited"));
        item.markUnsaved(true);
        cancelPending();
        pending = context.delays().after(AUTOSAVE_DELAY, () -> {
            pending = null;
            saveNow();
        });
    }

    private boolean needsSave() {
        return !text.get().equals(base.text()) || state.get() == SaveState.DRAFT_KEPT;
    }

    /** Saves at once if anything is unsaved; completes when the server answered (either way). */
    CompletableFuture<Void> saveNow() {
        cancelPending();
        if (inFlight != null) {
            return inFlight.thenCompose(done -> saveNow()); // typed while saving: save after the answer
        }
        if (!needsSave()) {
            return CompletableFuture.completedFuture(null);
        }
        String sending = text.get();
        Scene over = base;
        show(SaveState.SAVING, context.texts().get("editor.text.saving"));
        CompletableFuture<Void> answered = new CompletableFuture<>();
        inFlight = answered;
        SceneTextDraft draft = new SceneTextDraft(over.sceneId(), over.storyId(), sending, over.updatedAt(),
                context.clock().instant());
        context.drafts().save(draft)
                .thenCompose(kept -> context.scenes().updateText(over, sending))
                .whenComplete((saved, failure) -> context.fx().execute(() -> {
                    inFlight = null;
                    finished(sending, over, saved, failure);
                    answered.complete(null);
                }));
        return answered;
    }

    private void finished(String sent, Scene over, Scene saved, Throwable failure) {
        if (failure == null) {
            confirmed(sent, over, saved);
            return;
        }
        Throwable cause = UserMessages.unwrap(failure);
        if (cause instanceof ServiceException se && se.reason() == ServiceException.Reason.CONFLICT) {
            resolveConflict(sent, over);
        } else {
            keepDraft(context.messages().describe(cause, "scenes"));
        }
    }

    private void confirmed(String sent, Scene over, Scene saved) {
        recordEdit(over.text(), saved);
        base = saved;
        item.update(saved);
        if (text.get().equals(sent)) {
            show(SaveState.SAVED, context.texts().get("editor.text.saved", context.timeOfDay()));
            item.markUnsaved(false);
            context.drafts().remove(saved.sceneId());
        } else {
            edited(); // typed while the save was under way; its draft is newer, so it stays
        }
    }

    private void recordEdit(String before, Scene saved) {
        if (before.equals(saved.text())) {
            return;
        }
        if (lastEdit != null && context.edits().isNewest(lastEdit)) {
            lastEdit.saved(saved);
        } else {
            lastEdit = new TextEdit(before, saved);
            context.edits().record(lastEdit);
        }
    }

    /**
     * The text saves of one session as one undoable edit: undo saves the text from before them, redo the last one.
     * Each reads the scene again and saves only while its text is still the one this side left (a move or a new
     * image since does not stand in the way); a text changed since is a CONFLICT and is not overwritten.
     */
    private final class TextEdit implements UndoableEdit {

        private final String before;
        private String after;
        private Scene row;
        private final String label;

        TextEdit(String before, Scene saved) {
            this.before = before;
            this.after = saved.text();
            this.row = saved;
            this.label = context.texts().get("undo.edit.text", saved.sequence());
        }

        void saved(Scene newer) {
            after = newer.text();
            row = newer;
        }

        @Override
        public String label() {
            return label;
        }

        @Override
        public CompletableFuture<?> undo() {
            return replace(after, before);
        }

        @Override
        public CompletableFuture<?> redo() {
            return replace(before, after);
        }

        private CompletableFuture<Void> replace(String expected, String wanted) {
            return context.scenes().list(row.storyId()).thenCompose(scenes -> {
                Scene fresh = scenes.stream().filter(s -> s.sceneId().equals(row.sceneId())).findFirst()
                        .orElseThrow(() -> new ServiceException(ServiceException.Reason.NOT_FOUND, "scene is gone"));
                if (!fresh.text().equals(expected)) {
                    throw new ServiceException(ServiceException.Reason.CONFLICT, "the text changed since this edit");
                }
                return context.scenes().updateText(fresh, wanted);
            }).thenAccept(result -> row = result);
        }

        @Override
        public void changed() {
            savedElsewhere(row);
        }
    }

    /** An undo or redo saved this text: shown unless something typed here is still unsaved (that wins, and saves). */
    void savedElsewhere(Scene saved) {
        item.update(saved);
        if (needsSave() || inFlight != null) {
            return;
        }
        base = saved;
        setText(saved.text());
        show(SaveState.SAVED, context.texts().get("editor.text.saved", context.timeOfDay()));
    }

    private void keepDraft(String sentence) {
        show(SaveState.DRAFT_KEPT, context.texts().get("editor.text.draftKept", sentence));
    }

    private void resolveConflict(String mine, Scene over) {
        context.scenes().list(over.storyId()).whenComplete((scenes, failure) -> context.fx().execute(() -> {
            Scene theirs = failure != null ? null : scenes.stream()
                    .filter(s -> s.sceneId().equals(over.sceneId())).findFirst().orElse(null);
            if (theirs == null) {
                keepDraft(context.messages().describe(failure != null ? failure
                        : new ServiceException(ServiceException.Reason.NOT_FOUND, "scene deleted meanwhile"), "scenes"));
            } else if (theirs.text().equals(over.text())) {
                // Only the image, narration or order changed elsewhere: nothing of the text to weigh up.
                base = theirs;
                saveNow();
            } else {
                show(SaveState.DRAFT_KEPT, context.texts().get("editor.text.conflict"));
                context.dialogs().resolveConflict(context.texts().get("editor.conflict.title", theirs.sequence()),
                        theirs.text(), mine).thenAccept(choice -> context.fx().execute(() -> apply(choice, theirs)));
            }
        }));
    }

    private void apply(ConflictResolution resolution, Scene theirs) {
        switch (resolution.choice()) {
            case KEEP_THEIRS -> {
                base = theirs;
                item.update(theirs);
                setText(theirs.text());
                show(SaveState.SAVED, context.texts().get("editor.text.keptTheirs"));
                item.markUnsaved(false);
                context.drafts().remove(theirs.sceneId());
            }
            case KEEP_MINE, MERGED -> {
                base = theirs;
                item.update(theirs);
                setText(resolution.text());
                saveNow();
            }
            case DECIDE_LATER -> show(SaveState.DRAFT_KEPT, context.texts().get("editor.text.conflict"));
        }
    }

    /** Our own media or order change moved the row's updated_at; the text underneath is unchanged. */
    void rebase(Scene newer) {
        item.update(newer);
        if (newer.text().equals(base.text())) {
            base = newer;
        }
    }

    /** Leaving the scene or the editor: save what is pending now. */
    CompletableFuture<Void> close() {
        return saveNow();
    }

    /** The scene is deleted: nothing pending may be saved any more. */
    void discard() {
        cancelPending();
    }

    private void cancelPending() {
        if (pending != null) {
            pending.close();
            pending = null;
        }
    }

    private void setText(String value) {
        settingText = true;
        try {
            text.set(value);
        } finally {
            settingText = false;
        }
    }

    private void show(SaveState newState, String sentence) {
        state.set(newState);
        stateText.set(sentence);
    }

    StringProperty textProperty() {
        return text;
    }

    ReadOnlyObjectProperty<SaveState> stateProperty() {
        return state.getReadOnlyProperty();
    }

    ReadOnlyStringProperty stateTextProperty() {
        return stateText.getReadOnlyProperty();
    }

    SceneItem item() {
        return item;
    }
}
