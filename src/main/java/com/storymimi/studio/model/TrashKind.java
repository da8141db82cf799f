package com.storymimi.studio.model;

/**
 * What a trash item holds: a user (with their stories and scenes), a story (with its scenes), one scene, or the
 * image or narration a scene had before it was replaced or removed.
 */
public enum TrashKind {
    USER, STORY, SCENE, IMAGE, AUDIO
}
