package com.storymimi.studio.ui.storage;

import com.storymimi.studio.model.StorageEntry;

import java.nio.file.Path;

/** The selected image or audio file, downloaded to {@code file} so the View can show or play it. */
public record StoragePreview(StorageEntry entry, Path file) {
}
