package com.storymimi.studio.ui.player;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What a storyboard sheet shows: the story's title, a line about it, what is missing (named as the player names
 * it), and every scene in order with its text and a local copy of its image (empty: none, or it cannot be loaded).
 */
public record StoryboardSheet(String title, String about, List<String> problems, List<Entry> scenes) {

    public StoryboardSheet {
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(about, "about");
        problems = List.copyOf(problems);
        scenes = List.copyOf(scenes);
    }

    /** One scene: its number, its text, its image file, and whether it is narrated. */
    public record Entry(int sequence, String text, Optional<Path> image, boolean narrated) {

        public Entry {
            Objects.requireNonNull(text, "text");
            Objects.requireNonNull(image, "image");
        }
    }
}
