package com.storymimi.studio.ui.undo;

import com.storymimi.studio.ui.common.Texts;
import com.storymimi.studio.ui.common.UserMessages;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Function;

/**
 * The undo and redo stacks of one connection, shared by every section. Only the FX thread touches it. One undo or
 * redo runs at a time; while it runs both commands are disabled. A failed undo or redo leaves the edit where it
 * was, so nothing is lost and it can be tried again; its sentence appears in {@link #messageProperty()}. After
 * either outcome the edit's views reload, so they show what the server has.
 */
public final class UndoHistory {

    /** Edits kept; the oldest fall off. */
    public static final int LIMIT = 100;

    private final Executor fx;
    private final UserMessages messages;
    private final Texts texts;
    private final ObservableList<UndoableEdit> undoable = FXCollections.observableArrayList();
    private final ObservableList<UndoableEdit> redoable = FXCollections.observableArrayList();
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper(this, "running");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");
    private final BooleanBinding canUndo;
    private final BooleanBinding canRedo;
    private final StringBinding undoLabel;
    private final StringBinding redoLabel;

    public UndoHistory(Executor fx, UserMessages messages, Texts texts) {
        this.fx = Objects.requireNonNull(fx, "fx");
        this.messages = Objects.requireNonNull(messages, "messages");
        this.texts = Objects.requireNonNull(texts, "texts");
        canUndo = Bindings.isNotEmpty(undoable).and(running.not());
        canRedo = Bindings.isNotEmpty(redoable).and(running.not());
        undoLabel = label(undoable, "undo.menu", "undo.menu.none");
        redoLabel = label(redoable, "redo.menu", "redo.menu.none");
    }

    private StringBinding label(ObservableList<UndoableEdit> stack, String key, String noneKey) {
        return Bindings.createStringBinding(() -> stack.isEmpty() ? texts.get(noneKey)
                : texts.get(key, stack.getLast().label()), stack);
    }

    /** After a successful edit: it becomes the one Ctrl+Z takes back, and whatever was undone cannot be redone. */
    public void record(UndoableEdit edit) {
        Objects.requireNonNull(edit, "edit");
        undoable.add(edit);
        if (undoable.size() > LIMIT) {
            undoable.removeFirst();
        }
        redoable.clear();
        message.set(texts.get("undo.recorded", edit.label()));
    }

    /** Undoes the newest edit; completes when done (normally also after a failure, which the message says). */
    public CompletableFuture<Void> undo() {
        return step(undoable, redoable, UndoableEdit::undo, "undo.done");
    }

    public CompletableFuture<Void> redo() {
        return step(redoable, undoable, UndoableEdit::redo, "redo.done");
    }

    private CompletableFuture<Void> step(ObservableList<UndoableEdit> from, ObservableList<UndoableEdit> to,
                                         Function<UndoableEdit, CompletableFuture<?>> action, String doneKey) {
        if (from.isEmpty() || running.get()) {
            return CompletableFuture.completedFuture(null);
        }
        UndoableEdit edit = from.getLast();
        running.set(true);
        message.set("");
        CompletableFuture<?> write;
        try {
            write = action.apply(edit);
        } catch (RuntimeException e) {
            write = CompletableFuture.failedFuture(e);
        }
        CompletableFuture<Void> finished = new CompletableFuture<>();
        write.whenComplete((ignored, failure) -> fx.execute(() -> {
            running.set(false);
            if (failure != null) {
                message.set(messages.describe(failure, edit.failureTopic()));
            } else {
                from.remove(edit);
                to.add(edit);
                message.set(texts.get(doneKey, edit.label()));
            }
            edit.changed(); // either way the views show what the server has now
            finished.complete(null);
        }));
        return finished;
    }

    /** Whether {@code edit} is the one Ctrl+Z would take back now (an editor may then extend it instead of adding). */
    public boolean isNewest(UndoableEdit edit) {
        return !undoable.isEmpty() && undoable.getLast() == edit && redoable.isEmpty();
    }

    /** Forgets everything (another connection was opened). */
    public void clear() {
        undoable.clear();
        redoable.clear();
        message.set("");
    }

    public BooleanBinding canUndoProperty() {
        return canUndo;
    }

    public BooleanBinding canRedoProperty() {
        return canRedo;
    }

    /** "Undo Delete story “The Fox”", or "Nothing to undo". */
    public StringBinding undoLabelProperty() {
        return undoLabel;
    }

    public StringBinding redoLabelProperty() {
        return redoLabel;
    }

    public ReadOnlyBooleanProperty runningProperty() {
        return running.getReadOnlyProperty();
    }

    /** The outcome of the last undo or redo: "Undone: …", or why it could not be done. */
    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    /** The number of edits that can be undone. */
    public int undoableCount() {
        return undoable.size();
    }
}
