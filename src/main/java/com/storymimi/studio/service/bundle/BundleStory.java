package com.storymimi.studio.service.bundle;

import com.storymimi.studio.model.StoryStatus;

import java.util.List;
import java.util.UUID;

/** A story as a bundle's manifest holds it (snake_case on the wire). */
public record BundleStory(UUID storyId, String title, String prompt, StoryStatus status, User user,
                          List<Scene> scenes) {

    public BundleStory {
        scenes = scenes == null ? List.of() : List.copyOf(scenes);
    }

    /** The story's user in the project it was exported from, or null. */
    public record User(UUID userId, String username, String email) {
    }

    /** A scene with its media, each null when it has none. */
    public record Scene(UUID sceneId, int sequence, String text, Media image, Media audio) {
    }

    /** A media file inside the bundle: its path there, SHA-256 (hex), size in bytes and content type. */
    public record Media(String path, String sha256, long size, String contentType) {
    }
}
