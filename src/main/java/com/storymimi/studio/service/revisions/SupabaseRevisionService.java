package com.storymimi.studio.service.revisions;

import com.storymimi.studio.model.MediaKind;
import com.storymimi.studio.model.Revision;
import com.storymimi.studio.model.RevisionKind;
import com.storymimi.studio.model.Scene;
import com.storymimi.studio.model.StoryDraft;
import com.storymimi.studio.model.StoryStatus;
import com.storymimi.studio.service.MediaService;
import com.storymimi.studio.service.SceneService;
import com.storymimi.studio.service.ServiceException;
import com.storymimi.studio.service.ServiceException.Reason;
import com.storymimi.studio.service.StoryService;
import com.storymimi.studio.supabase.rest.Filter;
import com.storymimi.studio.supabase.rest.Order;
import com.storymimi.studio.supabase.rest.PostgrestClient;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import static com.storymimi.studio.service.ServiceFailures.translated;

/**
 * {@link RevisionService} over PostgREST: reads the {@code revisions} table the migrations' triggers fill, and
 * restores through the story, scene and media services, so a restore is checked and recorded like any save.
 */
public final class SupabaseRevisionService implements RevisionService {

    /** A revision as PostgREST sends it: kind in lower case, changes as {"column": {"from": .., "to": ..}}. */
    record RevisionRow(UUID revisionId, UUID storyId, UUID sceneId, String kind, Map<String, Map<String, Object>> changes,
                       UUID createdBy, String createdByEmail, Instant createdAt) {

        Revision revision() {
            RevisionKind parsed = RevisionKind.valueOf(kind.toUpperCase(Locale.ROOT));
            List<Revision.Field> fields = new ArrayList<>();
            List<UUID> before = List.of();
            List<UUID> after = List.of();
            for (Map.Entry<String, Map<String, Object>> change : (changes == null ? Map.<String, Map<String, Object>>of()
                    : changes).entrySet()) {
                Object from = change.getValue().get("from");
                Object to = change.getValue().get("to");
                if (parsed == RevisionKind.ORDER) {
                    before = ids(from);
                    after = ids(to);
                } else {
                    fields.add(new Revision.Field(change.getKey(), text(from), text(to)));
                }
            }
            fields.sort(java.util.Comparator.comparingInt(field -> FIELD_ORDER.indexOf(field.name())));
            return new Revision(revisionId, storyId, sceneId, parsed, fields, before, after, createdBy, createdByEmail,
                    createdAt);
        }

        private static String text(Object value) {
            return value == null ? null : value.toString();
        }

        private static List<UUID> ids(Object value) {
            if (!(value instanceof List<?> list)) {
                return List.of();
            }
            return list.stream().map(id -> UUID.fromString(id.toString())).toList();
        }
    }

    /** How the editor lists a revision's fields. */
    private static final List<String> FIELD_ORDER = List.of("title", "status", "prompt", "text", "image_url", "audio_url");
    private static final String COLUMNS = "revision_id,story_id,scene_id,kind,changes,created_by,created_by_email,created_at";

    private final PostgrestClient rest;
    private final StoryService stories;
    private final SceneService scenes;
    private final MediaService media;

    public SupabaseRevisionService(PostgrestClient rest, StoryService stories, SceneService scenes, MediaService media) {
        this.rest = Objects.requireNonNull(rest, "rest");
        this.stories = Objects.requireNonNull(stories, "stories");
        this.scenes = Objects.requireNonNull(scenes, "scenes");
        this.media = Objects.requireNonNull(media, "media");
    }

    @Override
    public CompletableFuture<List<Revision>> history(UUID storyId, int limit) {
        Objects.requireNonNull(storyId, "storyId");
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be >= 1: " + limit);
        }
        return translated(rest.from("revisions").select(COLUMNS).filter(Filter.eq("story_id", storyId))
                .order(Order.desc("created_at")).order(Order.desc("revision_id")).limit(limit)
                .list(RevisionRow.class))
                .thenApply(result -> result.body().stream().map(RevisionRow::revision).toList());
    }

    @Override
    public CompletableFuture<Void> restore(Revision revision) {
        return switch (revision.kind()) {
            case SCENE -> restoreScene(revision);
            case STORY -> restoreStory(revision);
            case ORDER -> restoreOrder(revision);
        };
    }

    /**
     * A scene's text through the scene service; its image and narration through the media service, which points the
     * scene back at an earlier file the trash keeps (NOT_FOUND once that was deleted for good).
     */
    private CompletableFuture<Void> restoreScene(Revision revision) {
        return scenes.list(revision.storyId()).thenCompose(current -> {
            Scene scene = current.stream().filter(s -> s.sceneId().equals(revision.sceneId())).findFirst()
                    .orElseThrow(() -> new ServiceException(Reason.NOT_FOUND, "scene " + revision.sceneId() + " is gone"));
            CompletableFuture<Scene> done = CompletableFuture.completedFuture(scene);
            Revision.Field text = revision.field("text").orElse(null);
            if (text != null) {
                String wanted = text.after() == null ? "" : text.after();
                done = done.thenCompose(s -> wanted.equals(s.text()) ? CompletableFuture.completedFuture(s)
                        : scenes.updateText(s, wanted));
            }
            for (MediaKind kind : MediaKind.values()) {
                Revision.Field url = revision.field(kind == MediaKind.IMAGE ? "image_url" : "audio_url").orElse(null);
                if (url != null) {
                    done = done.thenCompose(s -> media.putBack(s, kind, url.after()));
                }
            }
            return done.thenApply(s -> null);
        });
    }

    private CompletableFuture<Void> restoreStory(Revision revision) {
        return stories.detail(revision.storyId()).thenCompose(found -> {
            var story = found.orElseThrow(() -> new ServiceException(Reason.NOT_FOUND,
                    "story " + revision.storyId() + " is gone")).story();
            String title = revision.field("title").map(Revision.Field::after).orElse(story.title());
            String prompt = revision.field("prompt").map(Revision.Field::after).orElse(story.prompt());
            CompletableFuture<com.storymimi.studio.model.Story> texts =
                    title.equals(story.title()) && prompt.equals(story.prompt())
                            ? CompletableFuture.completedFuture(story)
                            : stories.update(story, new StoryDraft(story.userId(), title, prompt));
            return texts.thenCompose(saved -> revision.field("status")
                    .map(status -> StoryStatus.valueOf(status.after()))
                    .filter(status -> status != saved.status())
                    .map(status -> stories.updateStatus(saved, status).thenApply(done -> (Void) null))
                    .orElse(CompletableFuture.completedFuture(null)));
        });
    }

    private CompletableFuture<Void> restoreOrder(Revision revision) {
        return scenes.list(revision.storyId()).thenCompose(current -> {
            List<UUID> ids = current.stream().map(Scene::sceneId).toList();
            if (!new HashSet<>(ids).equals(new HashSet<>(revision.orderAfter())) || ids.size() != revision.orderAfter().size()) {
                throw new ServiceException(Reason.INVALID, "the story's scenes are not the ones of revision "
                        + revision.revisionId());
            }
            return ids.equals(revision.orderAfter()) ? CompletableFuture.completedFuture(null)
                    : scenes.reorder(revision.storyId(), ids, revision.orderAfter()).thenApply(done -> null);
        });
    }
}
