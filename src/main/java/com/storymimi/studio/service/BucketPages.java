package com.storymimi.studio.service;

import com.storymimi.studio.supabase.storage.ListOptions;
import com.storymimi.studio.supabase.storage.StorageClient;
import com.storymimi.studio.supabase.storage.StorageObject;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * One folder level of a bucket, read page by page through Storage's list (limit and offset; the server caps a
 * page at 1500, so 1000 is safe on both backends).
 */
final class BucketPages {

    static final int PAGE = 1000;

    private final StorageClient storage;
    private final ScanCalls calls;

    BucketPages(StorageClient storage, ScanCalls calls) {
        this.storage = storage;
        this.calls = calls;
    }

    /** Hands every entry of the folder (files and sub-folders) to {@code entry}, one page in memory at a time. */
    void forEach(String bucket, String prefix, Consumer<StorageObject> entry) {
        for (int offset = 0; ; offset += PAGE) {
            ListOptions options = ListOptions.DEFAULT.withPage(PAGE, offset);
            List<StorageObject> page = calls.await(() -> storage.from(bucket).list(prefix, options));
            page.forEach(entry);
            if (page.size() < PAGE) {
                return;
            }
        }
    }

    /** The files (not sub-folders) directly in the folder. */
    List<StorageObject> files(String bucket, String prefix) {
        List<StorageObject> files = new ArrayList<>();
        forEach(bucket, prefix, entry -> {
            if (!entry.isFolder()) {
                files.add(entry);
            }
        });
        return files;
    }
}
