package com.storymimi.studio.service;

import com.storymimi.studio.model.MediaKind;

/** The file formats a scene accepts, as recognised by their first bytes, with the extension and type they get. */
public enum MediaFormat {
    PNG(MediaKind.IMAGE, "png", "image/png"),
    JPEG(MediaKind.IMAGE, "jpg", "image/jpeg"),
    MP3(MediaKind.AUDIO, "mp3", "audio/mpeg"),
    WAV(MediaKind.AUDIO, "wav", "audio/wav");

    private final MediaKind kind;
    private final String extension;
    private final String contentType;

    MediaFormat(MediaKind kind, String extension, String contentType) {
        this.kind = kind;
        this.extension = extension;
        this.contentType = contentType;
    }

    public MediaKind kind() {
        return kind;
    }

    public String extension() {
        return extension;
    }

    public String contentType() {
        return contentType;
    }
}
