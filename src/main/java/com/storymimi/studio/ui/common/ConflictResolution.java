package com.storymimi.studio.ui.common;

import java.util.Objects;

/**
 * How the person settled a "changed on the server meanwhile" conflict: keep the server's text, keep theirs
 * own (saved over the newer version), or save a text they merged by hand. {@link Choice#DECIDE_LATER} closes
 * the dialog without deciding; the local draft is kept.
 */
public record ConflictResolution(Choice choice, String text) {

    public enum Choice { KEEP_THEIRS, KEEP_MINE, MERGED, DECIDE_LATER }

    public ConflictResolution {
        Objects.requireNonNull(choice, "choice");
        text = text == null ? "" : text;
    }
}
