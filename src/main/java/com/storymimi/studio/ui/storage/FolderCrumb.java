package com.storymimi.studio.ui.storage;

import java.util.ArrayList;
import java.util.List;

/**
 * One step of the breadcrumb: the bucket's root ({@code folder} "") or a folder below it.
 *
 * @param label  what the button shows (the bucket id for the root, else the folder's own name)
 * @param folder the folder it opens, e.g. "story-id/drafts"
 */
public record FolderCrumb(String label, String folder) {

    /** The steps from the bucket's root down to {@code path}: "bucket", "a", "b" for "a/b". */
    static List<FolderCrumb> trail(String bucket, String path) {
        List<FolderCrumb> trail = new ArrayList<>();
        trail.add(new FolderCrumb(bucket, ""));
        if (!path.isEmpty()) {
            String[] parts = path.split("/");
            for (int i = 0; i < parts.length; i++) {
                trail.add(new FolderCrumb(parts[i], String.join("/", List.of(parts).subList(0, i + 1))));
            }
        }
        return List.copyOf(trail);
    }
}
