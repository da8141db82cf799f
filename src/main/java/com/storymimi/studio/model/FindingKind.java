package com.storymimi.studio.model;

/** What the integrity doctor found wrong; each kind comes with its own proposed {@link IntegrityFix}. */
public enum FindingKind {
    /** A scene's image or audio URL names an object that does not exist. Fix: clear the URL. */
    MISSING_OBJECT,
    /** An object in a media bucket that no scene uses. Fix: delete the object. */
    UNUSED_OBJECT,
    /** A story's scene sequences are not exactly 1..n (a gap or a duplicate). Fix: renumber in the current order. */
    BROKEN_SEQUENCE,
    /** A scene's object has a content type its kind does not allow, or is too large. Fix: remove it, clear the URL. */
    WRONG_MEDIA,
    /** A URL that is not a public object URL of this project's media bucket for its kind. Report only. */
    FOREIGN_URL
}
