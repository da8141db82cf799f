package com.storymimi.studio.app;

import com.storymimi.studio.ui.shell.Theme;

/**
 * What the app remembers between runs. {@code theme} is null until the person chose one (then the system
 * preference applies); {@code window} is null before the first close; {@code trashRetentionDays} is null until
 * the editor chose one in the Trash ({@link #DEFAULT_TRASH_RETENTION_DAYS} applies), 0 keeps items forever.
 */
public record Settings(Theme theme, WindowBounds window, String activeProfileId, Integer trashRetentionDays) {

    public static final int DEFAULT_TRASH_RETENTION_DAYS = 30;

    public record WindowBounds(double x, double y, double width, double height, boolean maximized) {
    }

    public static Settings defaults() {
        return new Settings(null, null, null, null);
    }

    public Settings withTheme(Theme newTheme) {
        return new Settings(newTheme, window, activeProfileId, trashRetentionDays);
    }

    public Settings withWindow(WindowBounds newWindow) {
        return new Settings(theme, newWindow, activeProfileId, trashRetentionDays);
    }

    public Settings withActiveProfileId(String newActiveProfileId) {
        return new Settings(theme, window, newActiveProfileId, trashRetentionDays);
    }

    public Settings withTrashRetentionDays(int days) {
        return new Settings(theme, window, activeProfileId, days);
    }

    /** The retention in days: the chosen one, else the default. */
    public int trashRetention() {
        return trashRetentionDays == null || trashRetentionDays < 0 ? DEFAULT_TRASH_RETENTION_DAYS : trashRetentionDays;
    }
}
