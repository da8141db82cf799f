package com.storymimi.studio.model;

import java.util.List;

/**
 * One page of a bucket folder. Storage's list answers no total, so a full page means "there may be more".
 *
 * @param entries folders first, then files, as Storage sorts them by name
 */
public record FolderPage(List<StorageEntry> entries, PageRequest request) {

    public FolderPage {
        entries = List.copyOf(entries);
    }

    public boolean mayHaveMore() {
        return entries.size() >= request.limit();
    }

    public boolean hasPrevious() {
        return request.offset() > 0;
    }
}
