package com.storymimi.studio.model;

import java.util.List;

/** A story with its scenes in order (loaded in one request). */
public record StoryDetail(Story story, List<Scene> scenes) {

    public StoryDetail {
        scenes = List.copyOf(scenes);
    }
}
