package com.storymimi.studio.model;

import java.util.Objects;
import java.util.UUID;

/**
 * The repair a {@link Finding} proposes. Every fix is guarded: it names what the scan saw (the URL, the object),
 * and applying it changes nothing when the catalogue has changed since.
 */
public sealed interface IntegrityFix {

    /** A short label for the button that applies it, e.g. "Clear the image URL". */
    String label();

    /** Sets the scene's URL column for {@code kind} to null, if it still holds {@code url}. */
    record ClearUrl(UUID sceneId, MediaKind kind, String url) implements IntegrityFix {
        public ClearUrl {
            Objects.requireNonNull(sceneId, "sceneId");
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(url, "url");
        }

        @Override
        public String label() {
            return kind == MediaKind.IMAGE ? "Clear the image URL" : "Clear the audio URL";
        }
    }

    /** Deletes the object, unless a scene has started to use it since the scan. */
    record DeleteObject(MediaRef object) implements IntegrityFix {
        public DeleteObject {
            Objects.requireNonNull(object, "object");
        }

        @Override
        public String label() {
            return "Delete the object";
        }
    }

    /** Renumbers the story's scenes 1..n in their current order (sequence, then created_at). */
    record Renumber(UUID storyId) implements IntegrityFix {
        public Renumber {
            Objects.requireNonNull(storyId, "storyId");
        }

        @Override
        public String label() {
            return "Renumber the scenes 1..n";
        }
    }

    /** Clears the scene's URL (if it still holds {@code url}) and then removes the object. */
    record RemoveObjectAndClearUrl(UUID sceneId, MediaKind kind, String url, MediaRef object) implements IntegrityFix {
        public RemoveObjectAndClearUrl {
            Objects.requireNonNull(sceneId, "sceneId");
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(url, "url");
            Objects.requireNonNull(object, "object");
        }

        @Override
        public String label() {
            return kind == MediaKind.IMAGE ? "Remove the image" : "Remove the audio";
        }
    }

    /** Nothing automatic: an editor has to decide (e.g. a URL on another host). */
    record ReportOnly() implements IntegrityFix {
        @Override
        public String label() {
            return "No automatic fix";
        }
    }
}
