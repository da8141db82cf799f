package com.storymimi.studio.model;

/** A scene to create: its place in the story (1..n) and its text. Media are attached afterwards. */
public record SceneDraft(int sequence, String text) {

    public SceneDraft {
        if (sequence < 1) {
            throw new IllegalArgumentException("scene sequence starts at 1: " + sequence);
        }
        text = text == null ? "" : text;
    }
}
