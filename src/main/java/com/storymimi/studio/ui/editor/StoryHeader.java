package com.storymimi.studio.ui.editor;

import com.storymimi.studio.model.Story;
import com.storymimi.studio.model.StoryDraft;
import com.storymimi.studio.model.StoryStatus;
import com.storymimi.studio.service.ServiceException;
import com.storymimi.studio.ui.common.UserMessages;
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
        saving = answer(context.stories().update(loaded, draft));
        return saving;
    }

    private void saveStatus(StoryStatus picked) {
        saving = saving.thenCompose(done -> answer(context.stories().updateStatus(story.get(), picked)));
    }

    private CompletableFuture<Void> answer(CompletableFuture<Story> request) {
        CompletableFuture<Void> answered = new CompletableFuture<>();
        request.whenComplete((saved, failure) -> context.fx().execute(() -> {
            if (failure == null) {
                keepEdits(saved);
            } else {
                refused(UserMessages.unwrap(failure));
            }
            answered.complete(null);
        }));
        return answered;
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
