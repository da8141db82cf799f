package com.storymimi.studio.model;

/** What a revision changed: a story's own columns, one scene, or the order of a story's scenes. */
public enum RevisionKind {
    STORY, SCENE, ORDER
}
