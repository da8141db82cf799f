package com.storymimi.studio.ui.common;

import javafx.animation.AnimationTimer;
import javafx.scene.Node;
import javafx.scene.layout.Pane;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;

/**
 * Puts a large view into the window a part per frame, so that its first CSS pass (styles looked up, skins built)
 * never holds a frame up for long: the view goes in without its parts, and every few frames one part is put back
 * where it was. {@link #finish()} puts the rest back at once, for when the view is needed now. FX thread only.
 */
public final class StagedAttach {

    /** Frames between two parts: the part's CSS pass and layout happen in the first of them. */
    private static final int FRAMES_APART = 3;

    private record Slot(Pane parent, int index, Node part) {
    }

    private final Deque<Slot> pending;
    private final AnimationTimer timer;
    private int frames;

    private StagedAttach(List<Slot> slots) {
        // Back in index order within each parent, so every index is valid when its part returns.
        List<Slot> ordered = new ArrayList<>(slots);
        ordered.sort(Comparator.comparingInt(Slot::index));
        pending = new ArrayDeque<>(ordered);
        timer = new AnimationTimer() {
            @Override
            public void handle(long now) {
                if (++frames % FRAMES_APART == 0) {
                    putBack();
                }
            }
        };
    }

    /**
     * Takes {@code parts} (each a child of a {@link Pane} inside the view) out of the view, runs {@code attach} to
     * put the view into the window, and starts putting the parts back.
     */
    public static StagedAttach start(List<? extends Node> parts, Runnable attach) {
        List<Slot> slots = new ArrayList<>();
        for (Node part : parts) {
            if (!(part.getParent() instanceof Pane parent)) {
                throw new IllegalArgumentException(part + " is not the child of a Pane");
            }
            slots.add(new Slot(parent, parent.getChildren().indexOf(part), part));
        }
        slots.forEach(slot -> slot.parent().getChildren().remove(slot.part()));
        attach.run();
        StagedAttach staged = new StagedAttach(slots);
        staged.timer.start();
        return staged;
    }

    /** Whether every part is back. */
    public boolean isDone() {
        return pending.isEmpty();
    }

    /** Puts every part still out back now. */
    public void finish() {
        while (!pending.isEmpty()) {
            putBack();
        }
    }

    private void putBack() {
        Slot slot = pending.poll();
        if (slot != null) {
            List<Node> children = slot.parent().getChildren();
            children.add(Math.min(slot.index(), children.size()), slot.part());
        }
        if (pending.isEmpty()) {
            timer.stop();
        }
    }
}
