package com.storymimi.studio.model;

/** The generator's life cycle of a story: PENDING → GENERATING → COMPLETED | ERROR. */
public enum StoryStatus {
    PENDING, GENERATING, COMPLETED, ERROR
}
