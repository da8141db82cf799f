package com.storymimi.studio.ui.shell;

/** The sidebar's sections, in sidebar order; Ctrl+1.. selects them in this order. */
public enum Section {
    USERS, STORIES, STORAGE, INTEGRITY, TRASH
}
