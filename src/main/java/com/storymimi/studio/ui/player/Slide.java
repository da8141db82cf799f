package com.storymimi.studio.ui.player;

import com.storymimi.studio.model.Scene;

/**
 * One scene as the player shows it: its place in the playback (0-based {@code index}), the number the story
 * gives it, and its text. {@code hasImage}/{@code hasAudio} say whether the scene names media at all.
 */
public record Slide(int index, Scene scene) {

    public int sequence() {
        return scene.sequence();
    }

    public String text() {
        return scene.text() == null ? "" : scene.text();
    }

    public boolean hasImage() {
        return scene.imageUrl() != null && !scene.imageUrl().isBlank();
    }

    public boolean hasAudio() {
        return scene.audioUrl() != null && !scene.audioUrl().isBlank();
    }
}
