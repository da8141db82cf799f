package com.storymimi.studio.ui.player;

import com.storymimi.studio.model.MediaKind;
import com.storymimi.studio.model.Scene;
import com.storymimi.studio.model.StoryDetail;
import com.storymimi.studio.ui.common.DialogService;
import com.storymimi.studio.ui.common.FileNames;
import com.storymimi.studio.ui.common.Texts;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * Saves a story as a storyboard sheet: every scene in order with its image and text on one PNG, for review
 * outside the app. Asks where, loads the story and a local copy of each image (one after the other, from the
 * media cache), and hands the sheet to the view's {@link SheetRenderer}. What is missing is named on the sheet as
 * the player names it; an image that cannot be loaded is drawn as missing. One sheet at a time.
 */
public final class StoryboardSheets {

    private static final Logger LOG = LoggerFactory.getLogger(StoryboardSheets.class);
    public static final String EXTENSION = "png";

    private final StoryboardContext context;
    private final DialogService dialogs;
    private final SheetRenderer renderer;
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper(this, "running");

    public StoryboardSheets(StoryboardContext context, DialogService dialogs, SheetRenderer renderer) {
        this.context = Objects.requireNonNull(context, "context");
        this.dialogs = Objects.requireNonNull(dialogs, "dialogs");
        this.renderer = Objects.requireNonNull(renderer, "renderer");
    }

    /** True while a sheet is being made. */
    public ReadOnlyBooleanProperty runningProperty() {
        return running.getReadOnlyProperty();
    }

    /** Asks where, then saves the sheet of this story; says where it went, or why not. */
    public CompletableFuture<Void> save(UUID storyId, String title) {
        if (running.get()) {
            return CompletableFuture.completedFuture(null);
        }
        Texts texts = context.texts();
        String suggested = FileNames.fromTitle(title, "storyboard") + "." + EXTENSION;
        return dialogs.chooseSaveFile(texts.get("sheet.save.title"), suggested).thenComposeAsync(chosen -> {
            if (chosen.isEmpty() || running.get()) {
                return CompletableFuture.<Void>completedFuture(null);
            }
            Path target = FileNames.withExtension(chosen.get(), EXTENSION);
            running.set(true);
            return context.stories().detail(storyId)
                    .thenComposeAsync(found -> sheetOf(found.orElseThrow(() -> new Gone())), context.fx())
                    .thenCompose(sheet -> renderer.render(sheet, target).thenApply(done -> sheet))
                    .handleAsync((sheet, failure) -> {
                        running.set(false);
                        if (failure == null) {
                            dialogs.showInfo(texts.get("sheet.saved", sheet.scenes().size(),
                                    target.getFileName().toString()));
                        } else {
                            dialogs.showError(describe(unwrap(failure), target));
                        }
                        return null;
                    }, context.fx());
        }, context.fx());
    }

    private String describe(Throwable failure, Path target) {
        Texts texts = context.texts();
        if (failure instanceof Gone) {
            return texts.get("player.gone");
        }
        if (failure instanceof java.io.IOException || failure instanceof java.io.UncheckedIOException) {
            LOG.warn("the storyboard sheet could not be written to {}", target, failure);
            return texts.get("sheet.notWritten", target.getFileName().toString());
        }
        return context.messages().describe(failure, "stories");
    }

    /** The sheet of the story: its scenes' images fetched one after the other, each failure drawn as missing. */
    private CompletableFuture<StoryboardSheet> sheetOf(StoryDetail detail) {
        List<Scene> scenes = detail.scenes();
        List<Optional<Path>> images = new ArrayList<>();
        CompletableFuture<Void> chain = CompletableFuture.completedFuture(null);
        for (int i = 0; i < scenes.size(); i++) {
            Slide slide = new Slide(i, scenes.get(i));
            chain = chain.thenCompose(ignored -> image(slide)).thenAccept(images::add);
        }
        return chain.thenApplyAsync(done -> sheet(detail, images), context.fx());
    }

    /** Problems in scene order: what the player would name on each scene, and an image that did not load. */
    private StoryboardSheet sheet(StoryDetail detail, List<Optional<Path>> images) {
        Texts texts = context.texts();
        List<Scene> scenes = detail.scenes();
        List<String> problems = new ArrayList<>();
        List<StoryboardSheet.Entry> entries = new ArrayList<>();
        for (int i = 0; i < scenes.size(); i++) {
            Slide slide = new Slide(i, scenes.get(i));
            problems.addAll(StoryboardViewModel.problemsOf(texts, slide, i == 0 ? 0 : scenes.get(i - 1).sequence()));
            if (slide.hasImage() && images.get(i).isEmpty()) {
                problems.add(texts.get("player.notice.imageBroken", slide.sequence()));
            }
            entries.add(new StoryboardSheet.Entry(slide.sequence(), slide.text(), images.get(i), slide.hasAudio()));
        }
        DateTimeFormatter when = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM)
                .withZone(context.clock().getZone());
        String about = texts.get("sheet.about", texts.get("story.status." + detail.story().status().name()),
                scenes.size(), when.format(context.clock().instant()));
        return new StoryboardSheet(detail.story().title(), about, problems, entries);
    }

    private CompletableFuture<Optional<Path>> image(Slide slide) {
        if (!slide.hasImage()) {
            return CompletableFuture.completedFuture(Optional.empty());
        }
        return context.media().localCopy(slide.scene(), MediaKind.IMAGE).handle((path, failure) -> {
            if (failure != null) {
                LOG.warn("the image of scene {} cannot be loaded for the storyboard sheet", slide.sequence(), failure);
                return Optional.<Path>empty();
            }
            return Optional.of(path);
        });
    }

    private static Throwable unwrap(Throwable failure) {
        return failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
    }

    /** The story was deleted before its sheet was made. */
    private static final class Gone extends RuntimeException {
        Gone() {
            super("the story is gone", null, false, false);
        }
    }
}
