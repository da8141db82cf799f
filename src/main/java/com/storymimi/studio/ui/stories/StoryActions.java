package com.storymimi.studio.ui.stories;

import com.storymimi.studio.model.Scene;
import com.storymimi.studio.model.Story;
import com.storymimi.studio.model.StoryDetail;
import com.storymimi.studio.model.StoryRow;
import com.storymimi.studio.model.StoryStatus;
import com.storymimi.studio.model.TrashKind;
import com.storymimi.studio.service.ServiceException;
import com.storymimi.studio.service.StoryService;
import com.storymimi.studio.ui.common.AsyncCommand;
import com.storymimi.studio.ui.common.DialogService;
import com.storymimi.studio.ui.common.Texts;
import com.storymimi.studio.ui.common.UserMessages;
import com.storymimi.studio.ui.undo.EditRecorder;
import com.storymimi.studio.ui.undo.UndoableEdit;
import javafx.beans.property.ObjectProperty;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Consumer;

/**
 * What changes one story from the list: delete (after a question that names the scenes, images and narrations
 * that go with it) and status changes. After a change {@code reload} reloads the list and counts, selecting the
 * given story (null: whatever stays selected). A failure is shown once; when the story is gone or was changed
 * meanwhile the list is reloaded too, so the next try starts from what the server has.
 */
final class StoryActions {

    private final StoryService stories;
    private final DialogService dialogs;
    private final UserMessages messages;
    private final Texts texts;
    private final Executor fx;
    private final ObjectProperty<StoryRow> selected;
    private final Consumer<UUID> reload;
    private final AsyncCommand<Boolean> delete;
    private final EditRecorder edits;
    /** The story a confirmed delete is removing, for its undo entry. */
    private Story deleting;

    /**
     * @param selected the list's selection: delete acts on it and clears it once the story is gone
     */
    StoryActions(StoryService stories, DialogService dialogs, UserMessages messages, Texts texts, Executor fx,
                 ObjectProperty<StoryRow> selected, Consumer<UUID> reload, EditRecorder edits) {
        this.stories = Objects.requireNonNull(stories, "stories");
        this.edits = Objects.requireNonNull(edits, "edits");
        this.dialogs = Objects.requireNonNull(dialogs, "dialogs");
        this.messages = Objects.requireNonNull(messages, "messages");
        this.texts = Objects.requireNonNull(texts, "texts");
        this.fx = Objects.requireNonNull(fx, "fx");
        this.selected = Objects.requireNonNull(selected, "selected");
        this.reload = Objects.requireNonNull(reload, "reload");
        delete = new AsyncCommand<>(fx, this::confirmAndDelete, selected.isNotNull())
                .onSuccess(this::deleted)
                .onFailure(this::changeFailed);
    }

    /** Deletes the selected story once the person confirmed; its result says whether it was deleted. */
    AsyncCommand<Boolean> deleteCommand() {
        return delete;
    }

    /** Sets a story's status; nothing happens when it already has it. */
    void changeStatus(StoryRow row, StoryStatus status) {
        if (row == null || status == null || row.story().status() == status) {
            return;
        }
        stories.updateStatus(row.story(), status).whenComplete((story, failure) -> fx.execute(() -> {
            if (failure != null) {
                changeFailed(UserMessages.unwrap(failure));
            } else {
                edits.record(new StatusEdit(story, row.story().status()));
                reload.accept(story.storyId());
            }
        }));
    }

    /**
     * Several stories get one status, after a summary of what changes (TablePlus-style), in one transaction; the
     * ones that have it already are left out. Undo gives each its old status back, again checked.
     */
    void changeStatusOf(List<StoryRow> rows, StoryStatus status) {
        List<Story> changing = rows.stream().map(StoryRow::story).filter(story -> story.status() != status).toList();
        if (changing.isEmpty()) {
            return;
        }
        List<String> lines = changing.stream().map(story -> texts.get("stories.bulk.statusLine", story.title(),
                texts.get("story.status." + story.status().name()), texts.get("story.status." + status.name()))).toList();
        dialogs.confirmPlan(texts.get("stories.bulk.status.title", changing.size()),
                        texts.get("stories.bulk.status.question", changing.size(), texts.get("story.status." + status.name())),
                        lines, texts.get("stories.bulk.status.confirm", changing.size()))
                .thenCompose(yes -> yes ? stories.setStatus(changing, status) : CompletableFuture.completedFuture(null))
                .whenComplete((changed, failure) -> fx.execute(() -> {
                    if (failure != null) {
                        changeFailed(UserMessages.unwrap(failure));
                    } else if (changed != null) {
                        edits.record(new BulkStatusEdit(changing, changed, status));
                        reload.accept(null);
                    }
                }));
    }

    /** Several stories to the trash after a summary, in one transaction; undo restores each. */
    void deleteAll(List<StoryRow> rows) {
        if (rows.isEmpty()) {
            return;
        }
        List<String> lines = rows.stream().map(row -> texts.get("stories.bulk.deleteLine", row.story().title(),
                row.sceneCount())).toList();
        List<UUID> ids = rows.stream().map(row -> row.story().storyId()).toList();
        dialogs.confirmPlan(texts.get("stories.bulk.delete.title", rows.size()),
                        texts.get("stories.bulk.delete.question", rows.size()), lines,
                        texts.get("stories.bulk.delete.confirm", rows.size()))
                .thenCompose(yes -> yes ? stories.deleteAll(ids).thenApply(done -> true)
                        : CompletableFuture.completedFuture(false))
                .whenComplete((deleted, failure) -> fx.execute(() -> {
                    if (failure != null) {
                        changeFailed(UserMessages.unwrap(failure));
                    } else if (deleted) {
                        edits.record(UndoableEdit.of(texts.get("undo.edit.deleteStories", ids.size()),
                                () -> restoreEach(ids), () -> stories.deleteAll(ids), "restore", () -> reload.accept(null)));
                        selected.set(null);
                        reload.accept(null);
                    }
                }));
    }

    /** One restore after another: a failure stops there, and what was restored before stays restored. */
    private CompletableFuture<?> restoreEach(List<UUID> ids) {
        CompletableFuture<?> done = CompletableFuture.completedFuture(null);
        for (UUID id : ids) {
            done = done.thenCompose(ignored -> edits.restore(TrashKind.STORY, id));
        }
        return done;
    }

    /** A bulk status change taken back: the stories get their old statuses, one call per old status. */
    private final class BulkStatusEdit implements UndoableEdit {

        private final Map<UUID, StoryStatus> before = new LinkedHashMap<>();
        private final Map<UUID, Story> current = new LinkedHashMap<>();
        private final StoryStatus after;
        private final String label;

        BulkStatusEdit(List<Story> loaded, List<Story> changed, StoryStatus after) {
            loaded.forEach(story -> before.put(story.storyId(), story.status()));
            changed.forEach(story -> current.put(story.storyId(), story));
            this.after = after;
            this.label = texts.get("undo.edit.bulkStatus", loaded.size(), texts.get("story.status." + after.name()));
        }

        @Override
        public String label() {
            return label;
        }

        @Override
        public CompletableFuture<?> undo() {
            CompletableFuture<?> done = CompletableFuture.completedFuture(null);
            for (StoryStatus old : new java.util.LinkedHashSet<>(before.values())) {
                done = done.thenCompose(ignored -> set(before.entrySet().stream().filter(e -> e.getValue() == old)
                        .map(e -> current.get(e.getKey())).toList(), old));
            }
            return done;
        }

        @Override
        public CompletableFuture<?> redo() {
            return set(List.copyOf(current.values()), after);
        }

        private CompletableFuture<?> set(List<Story> stories, StoryStatus status) {
            return StoryActions.this.stories.setStatus(stories, status)
                    .thenAccept(changed -> changed.forEach(story -> current.put(story.storyId(), story)));
        }

        @Override
        public void changed() {
            reload.accept(null);
        }
    }

    /**
     * A status change as an undoable edit: undo and redo read the story again and set the other status only while
     * it still has this side's, so a status changed since (by anyone) is a CONFLICT and is not overwritten.
     */
    private final class StatusEdit implements UndoableEdit {

        private final StoryStatus before;
        private final StoryStatus after;
        private final String label;
        private Story current;

        StatusEdit(Story changed, StoryStatus before) {
            this.current = changed;
            this.before = before;
            this.after = changed.status();
            this.label = edits.label("undo.edit.status", changed.title(), texts.get("story.status." + after.name()));
        }

        @Override
        public String label() {
            return label;
        }

        @Override
        public CompletableFuture<?> undo() {
            return set(after, before);
        }

        @Override
        public CompletableFuture<?> redo() {
            return set(before, after);
        }

        /** Reads the story again; sets the status only while it is still {@code expected} (else CONFLICT). */
        private CompletableFuture<Void> set(StoryStatus expected, StoryStatus wanted) {
            return stories.detail(current.storyId()).thenCompose(found -> {
                Story fresh = found.orElseThrow(() -> new ServiceException(ServiceException.Reason.NOT_FOUND,
                        "story " + current.storyId() + " is gone")).story();
                if (fresh.status() != expected) {
                    throw new ServiceException(ServiceException.Reason.CONFLICT, "the status changed since this edit");
                }
                return stories.updateStatus(fresh, wanted);
            }).thenAccept(story -> current = story);
        }

        @Override
        public void changed() {
            reload.accept(current.storyId());
        }
    }

    private CompletableFuture<Boolean> confirmAndDelete() {
        Story story = selected.get().story();
        return stories.detail(story.storyId()).thenCompose(detail -> {
            StoryDetail found = detail.orElseThrow(() ->
                    new ServiceException(ServiceException.Reason.NOT_FOUND, "story " + story.storyId() + " is gone"));
            long images = found.scenes().stream().map(Scene::imageUrl).filter(Objects::nonNull).count();
            long narrations = found.scenes().stream().map(Scene::audioUrl).filter(Objects::nonNull).count();
            String question = texts.get("stories.delete.question", story.title(), found.scenes().size(), images,
                    narrations);
            return confirmOnFx(question);
        }).thenCompose(confirmed -> {
            if (!confirmed) {
                return CompletableFuture.completedFuture(false);
            }
            deleting = story;
            return stories.delete(story.storyId()).thenApply(done -> true);
        });
    }

    private CompletableFuture<Boolean> confirmOnFx(String question) {
        CompletableFuture<Boolean> answer = new CompletableFuture<>();
        fx.execute(() -> dialogs.confirm(texts.get("stories.delete.title"), question,
                texts.get("stories.delete.confirm")).whenComplete((yes, failure) -> {
                    if (failure != null) {
                        answer.completeExceptionally(failure);
                    } else {
                        answer.complete(yes);
                    }
                }));
        return answer;
    }

    private void deleted(boolean didDelete) {
        if (didDelete) {
            Story gone = deleting;
            edits.deleted("undo.edit.deleteStory", gone.title(), TrashKind.STORY, gone.storyId(), () -> stories.delete(gone.storyId()),
                    () -> reload.accept(gone.storyId()));
            selected.set(null);
            reload.accept(null);
        }
    }

    private void changeFailed(Throwable failure) {
        dialogs.showError(messages.describe(failure, "stories"));
        if (failure instanceof ServiceException se && (se.reason() == ServiceException.Reason.NOT_FOUND
                || se.reason() == ServiceException.Reason.CONFLICT)) {
            reload.accept(null);
        }
    }
}
