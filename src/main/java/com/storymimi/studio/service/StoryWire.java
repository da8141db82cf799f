package com.storymimi.studio.service;

import com.storymimi.studio.model.MediaKind;
import com.storymimi.studio.model.MediaRef;
import com.storymimi.studio.model.Scene;
import com.storymimi.studio.model.Story;
import com.storymimi.studio.model.StoryDetail;
import com.storymimi.studio.model.StoryRow;
import com.storymimi.studio.model.StoryStatus;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The JSON shapes of embedded reads and RPC results, as Gson decodes them (snake_case columns), and their mapping
 * to the model. Only the service package sees them; the model stays free of wire concerns.
 */
final class StoryWire {

    /** Columns of a story row plus the embeds the list asks for. */
    static final String LIST_SELECT = "*,users(username),scenes(scene_id)";
    static final String DETAIL_SELECT = "*,scenes(*)";
    static final String MEDIA_SELECT = "scene_id,image_url,audio_url";

    private StoryWire() {
    }

    record Username(String username) {
    }

    record SceneId(UUID sceneId) {
    }

    /** {@code stories?select=*,users(username),scenes(scene_id)}: users is null for a story without a user. */
    record ListedStory(UUID storyId, UUID userId, String title, String prompt, StoryStatus status,
                       Instant createdAt, Instant updatedAt, Username users, List<SceneId> scenes) {

        Story story() {
            return new Story(storyId, userId, title, prompt, status, createdAt, updatedAt);
        }

        StoryRow row() {
            return new StoryRow(story(), users == null ? null : users.username(), scenes == null ? 0 : scenes.size());
        }
    }

    /** {@code stories?select=*,scenes(*)} and the result of {@code create_story_with_scenes}. */
    record StoryWithScenes(UUID storyId, UUID userId, String title, String prompt, StoryStatus status,
                           Instant createdAt, Instant updatedAt, List<Scene> scenes) {

        StoryDetail detail() {
            List<Scene> ordered = new ArrayList<>(scenes == null ? List.of() : scenes);
            // PostgREST 12 has no per-embed order in our query builder; order here, where it is cheap.
            ordered.sort(Comparator.comparingInt(Scene::sequence));
            return new StoryDetail(new Story(storyId, userId, title, prompt, status, createdAt, updatedAt), ordered);
        }
    }

    /** One row of {@code story_status_counts()}. */
    record StatusCount(StoryStatus status, long count) {
    }

    /** The media columns of a scene, read before deleting it. */
    record SceneMedia(UUID sceneId, String imageUrl, String audioUrl) {

        List<MediaRef> refs() {
            List<MediaRef> refs = new ArrayList<>(2);
            MediaRef.fromPublicUrl(imageUrl).ifPresent(refs::add);
            MediaRef.fromPublicUrl(audioUrl).ifPresent(refs::add);
            return refs;
        }
    }

    /** The scene's URL column for {@code kind}. */
    static String column(MediaKind kind) {
        return kind == MediaKind.IMAGE ? "image_url" : "audio_url";
    }

    /** The scene's current URL for {@code kind}, as an object reference. */
    static Optional<MediaRef> media(Scene scene, MediaKind kind) {
        return MediaRef.fromPublicUrl(kind == MediaKind.IMAGE ? scene.imageUrl() : scene.audioUrl());
    }
}
