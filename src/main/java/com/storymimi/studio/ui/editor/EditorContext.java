package com.storymimi.studio.ui.editor;

import com.storymimi.studio.service.MediaService;
import com.storymimi.studio.service.SceneService;
import com.storymimi.studio.service.StoryService;
import com.storymimi.studio.service.revisions.RevisionService;
import com.storymimi.studio.ui.common.DelayScheduler;
import com.storymimi.studio.ui.common.DialogService;
import com.storymimi.studio.ui.common.Texts;
import com.storymimi.studio.ui.common.UserMessages;
import com.storymimi.studio.ui.undo.EditRecorder;

import java.time.Clock;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Objects;
import java.util.concurrent.Executor;

/**
 * What every story editor of one connection needs, handed over as one value: the services, the draft store,
 * the dialogs, the texts, the FX executor, the scheduler for pauses, the clock (for draft times and
 * "Saved 12:04"), where edits go to be undoable, and the story's saved history.
 */
public record EditorContext(StoryService stories, SceneService scenes, MediaService media, DraftStore drafts,
                            DialogService dialogs, UserMessages messages, Texts texts, Executor fx,
                            DelayScheduler delays, Clock clock, EditRecorder edits, RevisionService revisions) {

    public EditorContext {
        Objects.requireNonNull(stories, "stories");
        Objects.requireNonNull(scenes, "scenes");
        Objects.requireNonNull(media, "media");
        Objects.requireNonNull(drafts, "drafts");
        Objects.requireNonNull(dialogs, "dialogs");
        Objects.requireNonNull(messages, "messages");
        Objects.requireNonNull(texts, "texts");
        Objects.requireNonNull(fx, "fx");
        Objects.requireNonNull(delays, "delays");
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(edits, "edits");
        Objects.requireNonNull(revisions, "revisions");
    }

    String timeOfDay() {
        return DateTimeFormatter.ofLocalizedTime(FormatStyle.SHORT).withLocale(texts.locale())
                .withZone(clock.getZone()).format(clock.instant());
    }
}
