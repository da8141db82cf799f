package com.storymimi.studio.ui.undo;

import com.storymimi.studio.service.ServiceException;
import com.storymimi.studio.service.ServiceException.Reason;
import com.storymimi.studio.ui.common.UserMessages;
import com.storymimi.studio.ui.testing.TestTexts;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class UndoHistoryTest {

    private final UndoHistory history = new UndoHistory(Runnable::run, new UserMessages(TestTexts.create()),
            TestTexts.create());
    private final List<String> log = new ArrayList<>();

    /** An edit whose writes are logged; {@code next} decides how the next write ends. */
    private final class Logged implements UndoableEdit {
        private final String name;
        CompletableFuture<Void> next;

        Logged(String name) {
            this.name = name;
        }

        @Override
        public String label() {
            return name;
        }

        private CompletableFuture<?> write(String what) {
            log.add(what + " " + name);
            CompletableFuture<Void> answer = next == null ? CompletableFuture.completedFuture(null) : next;
            next = null;
            return answer;
        }

        @Override
        public CompletableFuture<?> undo() {
            return write("undo");
        }

        @Override
        public CompletableFuture<?> redo() {
            return write("redo");
        }

        @Override
        public void changed() {
            log.add("changed " + name);
        }
    }

    @Test
    void undoAndRedoWalkTheEditsNewestFirstAndNameThem() {
        history.record(new Logged("A"));
        history.record(new Logged("B"));

        assertEquals("Done: B. Ctrl+Z takes it back.", history.messageProperty().get());
        assertEquals("Undo B (Ctrl+Z)", history.undoLabelProperty().get());
        history.undo().join();
        assertEquals("Undo A (Ctrl+Z)", history.undoLabelProperty().get());
        assertEquals("Redo B (Ctrl+Shift+Z)", history.redoLabelProperty().get());
        assertEquals("Undone: B.", history.messageProperty().get());
        history.undo().join();
        history.redo().join();

        assertEquals(List.of("undo B", "changed B", "undo A", "changed A", "redo A", "changed A"), log);
        assertEquals("Undo A (Ctrl+Z)", history.undoLabelProperty().get());
        assertEquals("Redo B (Ctrl+Shift+Z)", history.redoLabelProperty().get());
    }

    @Test
    void aNewEditAfterAnUndoDropsWhatCouldBeRedone() {
        history.record(new Logged("A"));
        history.undo().join();
        assertTrue(history.canRedoProperty().get());

        history.record(new Logged("B"));

        assertFalse(history.canRedoProperty().get());
        assertEquals("Nothing to redo", history.redoLabelProperty().get());
    }

    @Test
    void aFailedUndoKeepsTheEditSaysWhyAndCanBeTriedAgain() {
        Logged edit = new Logged("Delete story");
        history.record(edit);
        edit.next = CompletableFuture.failedFuture(new ServiceException(Reason.UNAVAILABLE, "offline"));

        history.undo().join();

        assertEquals("The server could not be reached, so nothing was undone. Try again: the step is still there.",
                history.messageProperty().get());
        assertTrue(history.canUndoProperty().get(), "the step is still there");
        assertFalse(history.canRedoProperty().get());
        history.undo().join();
        assertEquals(List.of("undo Delete story", "changed Delete story", "undo Delete story",
                "changed Delete story"), log);
        assertFalse(history.canUndoProperty().get());
    }

    @Test
    void oneStepRunsAtATimeAndBothCommandsWaitForIt() {
        Logged edit = new Logged("A");
        edit.next = new CompletableFuture<>();
        CompletableFuture<Void> answer = edit.next;
        history.record(new Logged("older"));
        history.record(edit);

        history.undo();
        assertFalse(history.canUndoProperty().get(), "disabled while the undo runs");
        history.undo(); // ignored: the first one has not answered
        assertEquals(List.of("undo A"), log);

        answer.complete(null);
        assertTrue(history.canUndoProperty().get());
        assertTrue(history.canRedoProperty().get());
    }

    @Test
    void theHistoryKeepsTheNewestHundredEditsAndKnowsTheNewest() {
        Logged first = new Logged("first");
        history.record(first);
        for (int i = 0; i < UndoHistory.LIMIT; i++) {
            history.record(new Logged("e" + i));
        }
        Logged last = new Logged("last");
        history.record(last);

        assertEquals(UndoHistory.LIMIT, history.undoableCount());
        assertTrue(history.isNewest(last));
        assertFalse(history.isNewest(first));
        history.clear();
        assertFalse(history.canUndoProperty().get());
    }
}
