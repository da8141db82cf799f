package com.storymimi.studio.ui.palette;

import java.util.Objects;

/**
 * One line of the palette's result list: its group (the list shows a header where the group changes), a title,
 * a detail line ("Completed · ana", an email, a shortcut) and what Enter or a click does.
 */
public record PaletteItem(Group group, String title, String detail, String shortcut, Runnable run) {

    /** The groups, in the order the list shows them. */
    public enum Group { RECENT, ACTIONS, STORIES, USERS }

    public PaletteItem {
        Objects.requireNonNull(group, "group");
        Objects.requireNonNull(title, "title");
        detail = detail == null ? "" : detail;
        shortcut = shortcut == null ? "" : shortcut;
        Objects.requireNonNull(run, "run");
    }

    /** The same item listed under another group (a story run earlier shows again under Recent). */
    PaletteItem in(Group other) {
        return new PaletteItem(other, title, detail, shortcut, run);
    }
}
