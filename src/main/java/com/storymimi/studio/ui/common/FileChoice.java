package com.storymimi.studio.ui.common;

import java.util.List;

/**
 * What a file chooser offers: its title and one filter ("Images (PNG, JPEG)" with {@code *.png, *.jpg ...}).
 * A plain record so view models can ask for a file without touching {@code javafx.stage}.
 */
public record FileChoice(String title, String filterDescription, List<String> extensions) {

    public FileChoice {
        extensions = List.copyOf(extensions);
    }
}
