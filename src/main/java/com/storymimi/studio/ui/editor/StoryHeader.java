package com.storymimi.studio.ui.editor;

import com.storymimi.studio.model.Story;
import com.storymimi.studio.model.StoryDraft;
import com.storymimi.studio.model.StoryStatus;
import com.storymimi.studio.service.ServiceException;
import com.storymimi.studio.ui.common.UserMessages;
import com.storymimi.studio.ui.undo.UndoableEdit;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.StringProperty;

import java.util.concurrent.CompletableFuture;

/**
 * The editor's header: title and prompt are saved when the person leaves the field (or presses Ctrl+S), the
 * status as soon as it is picked. A change refused by the server puts the field back to the stored value.
 */
final class StoryHeader {

    private final EditorContext context;
    private final ReadOnlyObjectWrapper<Story> story;
    private final StringProperty title;
    private final StringProperty prompt;
    private final ObjectProperty<StoryStatus> status;
    private boolean showing;
    private CompletableFuture<Void> saving = CompletableFuture.completedFuture(null);

    StoryHeader(EditorContext context, ReadOnlyObjectWrapper<Story> story, StringProperty title,
                StringProperty prompt, ObjectProperty<StoryStatus> status) {
        this.context = context;
        this.story = story;
        this.title = title;
        this.prompt = prompt;
        this.status = status;
        status.addListener((obs, old, picked) -> {
            if (!showing && picked != null && story.get() != null && picked != story.get().status()) {
                saveStatus(picked);
            }
        });
    }

    void show(Story loaded) {
        showing = true;
        try {
            story.set(loaded);
            title.set(loaded.title());
            prompt.set(loaded.prompt());
            status.set(loaded.status());
        } finally {
            showing = false;
        }
    }

    private boolean changed() {
        Story loaded = story.get();
        return loaded != null && (!title.get().strip().equals(loaded.title()) || !prompt.get().equals(loaded.prompt()));
    }

    /** Saves title and prompt if they changed; completes when the server answered. */
    CompletableFuture<Void> commit() {
        if (!changed() || !saving.isDone()) {
            return saving;
        }
        Story loaded = story.get();
        StoryDraft draft = new StoryDraft(loaded.userId(), title.get(), prompt.get());
        if (!draft.isValid()) {
            context.dialogs().showError(context.texts().get("editor.header.problem." + draft.problems().getFirst().name(),
                    StoryDraft.MAX_TITLE_LENGTH));
            show(loaded);
            return saving;
        }
        saving = answer(loaded, context.stories().update(loaded, draft));
        return saving;
    }

    private void saveStatus(StoryStatus picked) {
        saving = saving.thenCompose(done -> answer(story.get(), context.stories().updateStatus(story.get(), picked)));
    }

    private CompletableFuture<Void> answer(Story before, CompletableFuture<Story> request) {
        CompletableFuture<Void> answered = new CompletableFuture<>();
        request.whenComplete((saved, failure) -> context.fx().execute(() -> {
            if (failure == null) {
                context.edits().record(new HeaderEdit(before, saved));
                keepEdits(saved);
            } else {
                refused(UserMessages.unwrap(failure));
            }
            answered.complete(null);
        }));
        return answered;
    }

    /**
     * A saved title, prompt or status as an undoable edit. Each direction reads the story again and saves the other
     * side's values only while the story still shows this side's (later edits of other fields, ours or anyone's,
     * do not stand in the way); a change of the same fields made since is a CONFLICT and is not overwritten.
     */
    private final class HeaderEdit implements UndoableEdit {

        private final Story before;
        private final Story after;
        private final String label;
        private Story current;

        HeaderEdit(Story before, Story after) {
            this.before = before;
            this.after = after;
            this.current = after;
            this.label = before.status() != after.status()
                    ? context.texts().get("undo.edit.status", after.title(),
                            context.texts().get("story.status." + after.status().name()))
                    : context.texts().get("undo.edit.story", after.title());
        }

        @Override
        public String label() {
            return label;
        }

        @Override
        public CompletableFuture<?> undo() {
            return apply(after, before);
        }

        @Override
        public CompletableFuture<?> redo() {
            return apply(before, after);
        }

        private CompletableFuture<Void> apply(Story from, Story target) {
            return context.stories().detail(after.storyId()).thenCompose(found -> {
                Story fresh = found.orElseThrow(() -> new ServiceException(ServiceException.Reason.NOT_FOUND,
                        "story " + after.storyId() + " is gone")).story();
                if (!fresh.title().equals(from.title()) || !fresh.prompt().equals(from.prompt())
                        || (from.status() != target.status() && fresh.status() != from.status())) {
                    throw new ServiceException(ServiceException.Reason.CONFLICT, "the story changed since this edit");
                }
                current = fresh;
                return save(target);
            });
        }

        private CompletableFuture<Void> save(Story target) {
            CompletableFuture<Story> texts = target.title().equals(current.title()) && target.prompt().equals(current.prompt())
                    ? CompletableFuture.completedFuture(current)
                    : context.stories().update(current, new StoryDraft(current.userId(), target.title(), target.prompt()));
            return texts.thenCompose(saved -> saved.status() == target.status() ? CompletableFuture.completedFuture(saved)
                            : context.stories().updateStatus(saved, target.status()))
                    .thenAccept(saved -> current = saved);
        }

        @Override
        public void changed() {
            Story shown = story.get();
            if (shown != null && shown.storyId().equals(current.storyId())) {
                if (StoryHeader.this.changed()) {
                    keepEdits(current); // the row as saved now; what is being typed in the fields stays
                } else {
                    show(current);
                }
            }
        }
    }

    /** The server's row, with whatever the person typed since the request left kept in the fields. */
    private void keepEdits(Story saved) {
        String typedTitle = title.get();
        String typedPrompt = prompt.get();
        show(saved);
        showing = true;
        title.set(typedTitle);
        prompt.set(typedPrompt);
        showing = false;
    }

    private void refused(Throwable failure) {
        context.dialogs().showError(context.messages().describe(failure, "story"));
        if (failure instanceof ServiceException se && se.reason() == ServiceException.Reason.CONFLICT) {
            context.stories().detail(story.get().storyId()).whenComplete((detail, again) -> context.fx().execute(() -> {
                if (detail != null) {
                    detail.ifPresent(d -> show(d.story()));
                }
            }));
        } else if (story.get() != null) {
            show(story.get());
        }
    }
}
