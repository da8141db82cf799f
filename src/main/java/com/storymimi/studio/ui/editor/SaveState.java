package com.storymimi.studio.ui.editor;

/** Where a scene's text stands with the server; the editor shows it under the text. */
public enum SaveState {
    /** The server has what the person sees. */
    SAVED,
    /** Typed, the autosave pause is running. */
    EDITED,
    /** Sent, waiting for the server. */
    SAVING,
    /** The save failed or a conflict is undecided; the text is kept on disk. */
    DRAFT_KEPT
}
