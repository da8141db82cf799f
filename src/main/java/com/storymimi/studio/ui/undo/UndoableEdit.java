package com.storymimi.studio.ui.undo;

import java.util.concurrent.CompletableFuture;

/**
 * One edit that reached the server and can be taken back. Undoing is a new, compensating server write through the
 * same services, with the same conflict checks (a reorder expects the order it made, a text save the row it left);
 * redoing makes the edit again.
 */
public interface UndoableEdit {

    /** What the menu names: "Delete story “The Fox”", "Move scene 3". */
    String label();

    /** The compensating write; fails (and stays undoable) when it cannot be made. */
    CompletableFuture<?> undo();

    /** The edit again, after an undo. */
    CompletableFuture<?> redo();

    /** A sentence topic for a failed undo or redo (see UserMessages), e.g. "restore" or "reorder". */
    default String failureTopic() {
        return "undo";
    }

    /** Runs on the FX thread after an undo or redo, done or failed: the views showing the data reload it. */
    default void changed() {
    }

    /** An edit from three parts: its label, how to undo it and how to redo it, and what to refresh after either. */
    static UndoableEdit of(String label, java.util.function.Supplier<CompletableFuture<?>> undo,
                           java.util.function.Supplier<CompletableFuture<?>> redo, String failureTopic,
                           Runnable changed) {
        return new UndoableEdit() {
            @Override
            public String label() {
                return label;
            }

            @Override
            public CompletableFuture<?> undo() {
                return undo.get();
            }

            @Override
            public CompletableFuture<?> redo() {
                return redo.get();
            }

            @Override
            public String failureTopic() {
                return failureTopic;
            }

            @Override
            public void changed() {
                changed.run();
            }
        };
    }
}
