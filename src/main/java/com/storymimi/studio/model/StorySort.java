package com.storymimi.studio.model;

/** The orders the stories table offers; each is stable (ties broken by id). */
public enum StorySort {
    CREATED_NEWEST, CREATED_OLDEST, UPDATED_NEWEST, TITLE_A_TO_Z
}
