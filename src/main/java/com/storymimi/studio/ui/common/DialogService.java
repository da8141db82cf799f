package com.storymimi.studio.ui.common;

import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * Everything that asks or tells the person outside the current view. ViewModels use only this, so tests can
 * answer a confirmation or check a notification without a window.
 */
public interface DialogService {

    /** Asks once; completes with true when the person chose {@code confirmLabel}, false otherwise. */
    CompletableFuture<Boolean> confirm(String title, String message, String confirmLabel);

    /**
     * Asks once about a list of things that will happen (e.g. which file goes where); {@code lines} are shown
     * one per row, scrollable. Completes with true when the person chose {@code confirmLabel}.
     */
    CompletableFuture<Boolean> confirmPlan(String title, String message, java.util.List<String> lines,
                                           String confirmLabel);

    /** A short notification that something failed; does not wait for the person. */
    /**
     * A question with several answers (and Cancel): completes with the index of the answer chosen, or empty when the
     * person cancelled. The first answer is the default.
     */
    CompletableFuture<Optional<Integer>> choose(String title, String message, java.util.List<String> answers);

    void showError(String message);

    /** A short notification that something finished; does not wait for the person. */
    void showInfo(String message);

    /** An open-file chooser; empty when the person cancelled. */
    CompletableFuture<Optional<Path>> chooseFile(FileChoice choice);

    /** A save-file chooser offering {@code suggestedName}; empty when the person cancelled. */
    CompletableFuture<Optional<Path>> chooseSaveFile(String title, String suggestedName);

    /**
     * Shows the server's text and the person's side by side and asks which to keep; the person may also edit
     * their side into a merged text.
     */
    CompletableFuture<ConflictResolution> resolveConflict(String title, String theirs, String yours);
}
