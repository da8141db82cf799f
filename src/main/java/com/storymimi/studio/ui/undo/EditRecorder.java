package com.storymimi.studio.ui.undo;

import com.storymimi.studio.model.TrashKind;
import com.storymimi.studio.service.trash.TrashService;
import com.storymimi.studio.ui.common.Texts;

import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/**
 * How the sections of one connection put their edits into the {@link UndoHistory}. Deletes all undo the same way:
 * the row went to the trash, so undoing restores its newest trash item and redoing deletes it again.
 */
public final class EditRecorder {

    private final UndoHistory history;
    private final TrashService trash;
    private final Texts texts;

    public EditRecorder(UndoHistory history, TrashService trash, Texts texts) {
        this.history = Objects.requireNonNull(history, "history");
        this.trash = Objects.requireNonNull(trash, "trash");
        this.texts = Objects.requireNonNull(texts, "texts");
    }

    /**
     * After a delete succeeded.
     *
     * @param labelKey    the message key naming the edit, e.g. "undo.edit.deleteStory"
     * @param kind        what was deleted
     * @param itemId      the deleted user's, story's or scene's id
     * @param deleteAgain the same delete, for redo
     * @param changed     what reloads the data shown, after an undo or redo (on the FX thread)
     */
    public void deleted(String labelKey, Object labelArgument, TrashKind kind, UUID itemId,
                        Supplier<CompletableFuture<?>> deleteAgain, Runnable changed) {
        history.record(UndoableEdit.of(texts.get(labelKey, labelArgument), () -> trash.restoreLatest(kind, itemId),
                deleteAgain, "restore", changed));
    }

    /**
     * After a create succeeded: undoing it moves the new row to the trash (restorable there, as any delete), redoing
     * brings it back from the trash.
     */
    public void created(String labelKey, Object labelArgument, TrashKind kind, UUID itemId,
                        Supplier<CompletableFuture<?>> delete, Runnable changed) {
        history.record(UndoableEdit.of(texts.get(labelKey, labelArgument), delete,
                () -> trash.restoreLatest(kind, itemId), "undo", changed));
    }

    /** Restores the newest trash item of the row: the undo of one delete, for edits that undo several. */
    public CompletableFuture<?> restore(TrashKind kind, UUID itemId) {
        return trash.restoreLatest(kind, itemId);
    }

    /** Any other edit. */
    public void record(UndoableEdit edit) {
        history.record(edit);
    }

    /** Whether {@code edit} is still the newest edit, so that a follow-up (more typing, saved) may extend it. */
    public boolean isNewest(UndoableEdit edit) {
        return history.isNewest(edit);
    }

    /** A label for an edit from a message key. */
    public String label(String key, Object... arguments) {
        return texts.get(key, arguments);
    }
}
