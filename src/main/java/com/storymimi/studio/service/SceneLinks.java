package com.storymimi.studio.service;

import com.storymimi.studio.model.MediaKind;

import java.time.Instant;
import java.util.UUID;

/** The columns of a scene the integrity scan reads: its place in the story and its media URLs. */
record SceneLinks(UUID sceneId, UUID storyId, int sequence, String imageUrl, String audioUrl, Instant createdAt) {

    static final String COLUMNS = "scene_id,story_id,sequence,image_url,audio_url,created_at";

    String url(MediaKind kind) {
        return kind == MediaKind.IMAGE ? imageUrl : audioUrl;
    }
}
