package com.storymimi.studio.ui.shell;

/** The two looks of the window (AtlantaFX Primer light and dark). */
public enum Theme {
    LIGHT, DARK;

    public Theme other() {
        return this == LIGHT ? DARK : LIGHT;
    }
}
