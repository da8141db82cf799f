package com.storymimi.studio.local.storage;

import com.storymimi.studio.local.http.QueryStrings;

import java.util.ArrayList;
import java.util.List;

/** Splitting a Storage path into segments, each percent-decoded on its own (a '+' stays a '+'). */
final class StoragePaths {

    private StoragePaths() {
    }

    static List<String> segments(String rawPath) {
        List<String> segments = new ArrayList<>();
        for (String raw : rawPath.split("/", -1)) {
            segments.add(QueryStrings.decode(raw, false));
        }
        if (!segments.isEmpty() && segments.getFirst().isEmpty()) {
            segments.removeFirst();
        }
        return segments;
    }

    /** The object key made of the segments from {@code from} on; NUL bytes never reach a key. */
    static String key(List<String> segments, int from) {
        String key = String.join("/", segments.subList(from, segments.size()));
        if (key.indexOf('\0') >= 0) {
            throw StorageException.invalidKey(key.replace('\0', '?'));
        }
        return key;
    }
}
