package com.storymimi.studio.model;

/** One line of the stories table: the story, its user's name (null when it has no user) and its scene count. */
public record StoryRow(Story story, String username, int sceneCount) {
}
