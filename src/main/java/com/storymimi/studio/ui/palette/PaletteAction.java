package com.storymimi.studio.ui.palette;

import java.util.Objects;

/** A command the palette can run: its name as shown, its keyboard shortcut ("" when it has none) and the work. */
public record PaletteAction(String name, String shortcut, Runnable run) {

    public PaletteAction {
        Objects.requireNonNull(name, "name");
        shortcut = shortcut == null ? "" : shortcut;
        Objects.requireNonNull(run, "run");
    }
}
