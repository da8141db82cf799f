package com.storymimi.studio.app;

import com.storymimi.studio.ui.shell.Theme;

/**
 * What the app remembers between runs. {@code theme} is null until the person chose one (then the system
 * preference applies); {@code window} is null before the first close.
 */
public record Settings(Theme theme, WindowBounds window, String activeProfileId) {

    public record WindowBounds(double x, double y, double width, double height, boolean maximized) {
    }

    public static Settings defaults() {
        return new Settings(null, null, null);
    }

    public Settings withTheme(Theme newTheme) {
        return new Settings(newTheme, window, activeProfileId);
    }

    public Settings withWindow(WindowBounds newWindow) {
        return new Settings(theme, newWindow, activeProfileId);
    }

    public Settings withActiveProfileId(String newActiveProfileId) {
        return new Settings(theme, window, newActiveProfileId);
    }
}
