package com.storymimi.studio.service;

import com.storymimi.studio.model.MediaKind;
import com.storymimi.studio.model.MediaRef;

import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * What a trash item keeps in Storage, as read from its {@code rows}: the images and narrations of its scenes, or
 * the one replaced or removed image or narration of a media item (supabase/migrations/20261207000006_media_trash.sql).
 * These objects are in use until the item is deleted for good.
 */
public record TrashContents(UUID trashId, Rows rows) {

    /** The columns to select for it. */
    public static final String COLUMNS = "trash_id,rows";

    public record Rows(List<SceneUrls> scenes, List<SceneUrls> media) {
    }

    /** A scene row's URL columns, or a media item's one URL. */
    public record SceneUrls(String imageUrl, String audioUrl) {

        String url(MediaKind kind) {
            return kind == MediaKind.IMAGE ? imageUrl : audioUrl;
        }
    }

    /** Every URL the item keeps. */
    public List<String> urls() {
        if (rows == null) {
            return List.of();
        }
        return Stream.of(rows.scenes(), rows.media()).filter(Objects::nonNull).flatMap(List::stream)
                .flatMap(urls -> Stream.of(urls.imageUrl(), urls.audioUrl()))
                .filter(Objects::nonNull)
                .toList();
    }

    /** The Storage objects of {@link #urls()} (foreign URLs are not ours to remove). */
    public List<MediaRef> objects() {
        return urls().stream().flatMap(url -> MediaRef.fromPublicUrl(url).stream()).toList();
    }

    /** Whether this media item keeps {@code url} as the scene's {@code kind}. */
    boolean keeps(MediaKind kind, String url) {
        return rows != null && rows.media() != null
                && rows.media().stream().anyMatch(kept -> url.equals(kept.url(kind)));
    }
}
