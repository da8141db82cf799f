package com.storymimi.studio.model;

/** What a trash item holds: a user (with their stories and scenes), a story (with its scenes), or one scene. */
public enum TrashKind {
    USER, STORY, SCENE
}
