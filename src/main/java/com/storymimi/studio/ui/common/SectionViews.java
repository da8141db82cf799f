package com.storymimi.studio.ui.common;

import javafx.beans.value.ObservableStringValue;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCombination;

import java.util.Map;

/** What the section views share: labels that take no room while empty, and shortcuts that live while shown. */
public final class SectionViews {

    private SectionViews() {
    }

    /** The label shows {@code text} and takes no room while it is empty. */
    public static void showWhenNotEmpty(Label label, ObservableStringValue text) {
        label.textProperty().bind(text);
        label.visibleProperty().bind(label.textProperty().isNotEmpty());
        label.managedProperty().bind(label.visibleProperty());
    }

    /**
     * Puts the shortcuts on the scene while {@code root} is shown there and takes them off when it is hidden or
     * leaves: sections share keys (F5, Ctrl+N). Only our own entries are removed, since the next connection's
     * view of the same section may have registered the same keys already.
     */
    public static void shortcutsWhileShown(Node root, Map<KeyCombination, Runnable> shortcuts) {
        root.sceneProperty().addListener((obs, old, scene) -> move(root, shortcuts, old, scene));
        root.visibleProperty().addListener((obs, was, visible) -> move(root, shortcuts, root.getScene(), root.getScene()));
        move(root, shortcuts, null, root.getScene());
    }

    private static void move(Node root, Map<KeyCombination, Runnable> shortcuts, Scene from, Scene to) {
        if (from != null) {
            shortcuts.forEach(from.getAccelerators()::remove);
        }
        if (to != null && root.isVisible()) {
            to.getAccelerators().putAll(shortcuts);
        }
    }
}
