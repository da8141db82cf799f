package com.storymimi.studio.ui.storage;

/**
 * One step of the breadcrumb: the bucket's root ({@code folder} "") or a folder below it.
 *
 * @param label  what the button shows (the bucket id for the root, else the folder's own name)
 * @param folder the folder it opens, e.g. "story-id/drafts"
 */
public record FolderCrumb(String label, String folder) {
}
