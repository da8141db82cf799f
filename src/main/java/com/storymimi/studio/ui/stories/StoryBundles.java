package com.storymimi.studio.ui.stories;

import com.storymimi.studio.model.ConnectionProfile;
import com.storymimi.studio.model.StoryRow;
import com.storymimi.studio.service.ConnectionService;
import com.storymimi.studio.service.ServiceException;
import com.storymimi.studio.service.StoryService;
import com.storymimi.studio.service.bundle.BundleService;
import com.storymimi.studio.service.bundle.BundleService.OnExisting;
import com.storymimi.studio.service.bundle.BundleStory;
import com.storymimi.studio.ui.common.DialogService;
import com.storymimi.studio.ui.common.FileChoice;
import com.storymimi.studio.ui.common.FileNames;
import com.storymimi.studio.ui.common.Texts;
import com.storymimi.studio.ui.common.UserMessages;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Consumer;

/**
 * Export of the selected stories to a {@code .storymimi} bundle, import of one, and publishing them to another
 * saved project, for the Stories section: the
 * file dialogs, a question when stories of the bundle are here already (leave, replace, copy), progress while it
 * runs, and one sentence when it is done or why it could not be.
 */
public final class StoryBundles {

    public static final String EXTENSION = "storymimi";
    private static final OnExisting[] CHOICES = {OnExisting.SKIP, OnExisting.REPLACE, OnExisting.COPY};

    private final BundleService bundles;
    private final StoryService stories;
    private final DialogService dialogs;
    private final UserMessages messages;
    private final Texts texts;
    private final Executor fx;
    private final Runnable imported;
    private final ConnectionService connections;
    private final String openProfileId;
    private final ReadOnlyStringWrapper progress = new ReadOnlyStringWrapper(this, "progress", "");
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper(this, "running");

    /**
     * @param imported      runs on the FX thread after an import wrote something (the list reloads)
     * @param connections   the saved profiles, to publish to another one
     * @param openProfileId the profile these stories are in
     */
    public StoryBundles(BundleService bundles, StoryService stories, DialogService dialogs, UserMessages messages,
                        Texts texts, Executor fx, Runnable imported, ConnectionService connections,
                        String openProfileId) {
        this.bundles = Objects.requireNonNull(bundles, "bundles");
        this.stories = Objects.requireNonNull(stories, "stories");
        this.dialogs = Objects.requireNonNull(dialogs, "dialogs");
        this.messages = Objects.requireNonNull(messages, "messages");
        this.texts = Objects.requireNonNull(texts, "texts");
        this.fx = Objects.requireNonNull(fx, "fx");
        this.imported = Objects.requireNonNull(imported, "imported");
        this.connections = Objects.requireNonNull(connections, "connections");
        this.openProfileId = Objects.requireNonNull(openProfileId, "openProfileId");
    }

    /** "Exporting… 3 of 6 files" while a bundle is written or read; empty otherwise. */
    public ReadOnlyStringProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty runningProperty() {
        return running.getReadOnlyProperty();
    }

    /** Asks where, then writes the stories (in the order given) to one bundle. */
    public void export(List<StoryRow> rows) {
        if (rows.isEmpty() || running.get()) {
            return;
        }
        List<StoryRow> chosen = List.copyOf(rows);
        String suggested = FileNames.fromTitle(chosen.size() == 1 ? chosen.getFirst().story().title()
                : texts.get("stories.bundle.manyName", chosen.size()), "stories") + "." + EXTENSION;
        dialogs.chooseSaveFile(texts.get("stories.bundle.export.title"), suggested).thenAccept(chosenFile ->
                fx.execute(() -> chosenFile.map(file -> FileNames.withExtension(file, EXTENSION)).ifPresent(target ->
                        start(bundles.export(chosen.stream().map(row -> row.story().storyId()).toList(), target,
                                told("stories.bundle.exporting")), report -> dialogs.showInfo(summary(
                                "stories.bundle.exported", report, target.getFileName().toString()))))));
    }

    /**
     * Copies the stories to another saved project in one step: asks which, and what to do with stories that are
     * there already, opens it beside this one (signing in if it needs to), exports and imports through a temporary
     * bundle with progress, closes it, and says what arrived.
     */
    public void publish(List<StoryRow> rows) {
        if (rows.isEmpty() || running.get()) {
            return;
        }
        List<StoryRow> chosen = List.copyOf(rows);
        connections.profiles().thenAccept(all -> fx.execute(() -> {
            List<ConnectionProfile> targets = all.stream().filter(p -> !p.id().equals(openProfileId)).toList();
            if (targets.isEmpty()) {
                dialogs.showInfo(texts.get("stories.publish.noProjects"));
                return;
            }
            dialogs.choose(texts.get("stories.publish.title"), texts.get("stories.publish.where", chosen.size()),
                            targets.stream().map(ConnectionProfile::name).toList())
                    .thenAccept(where -> fx.execute(() -> where.ifPresent(index -> askExisting(chosen,
                            targets.get(index)))));
        }));
    }

    private void askExisting(List<StoryRow> chosen, ConnectionProfile target) {
        int count = chosen.size();
        dialogs.choose(texts.get("stories.publish.title"), texts.get("stories.publish.existing", count, target.name()),
                        List.of(texts.get("stories.bundle.existing.skip", count),
                                texts.get("stories.bundle.existing.replace", count),
                                texts.get("stories.bundle.existing.copy", count)))
                .thenAccept(choice -> fx.execute(() -> choice.ifPresent(index -> publishNow(chosen, target,
                        CHOICES[index]))));
    }

    private void publishNow(List<StoryRow> chosen, ConnectionProfile target, OnExisting onExisting) {
        List<UUID> ids = chosen.stream().map(row -> row.story().storyId()).toList();
        progress.set(texts.get("stories.publish.opening", target.name()));
        start(connections.openBeside(target.id()).exceptionallyCompose(failure -> CompletableFuture.failedFuture(
                new CannotOpen(target.name(), failure))).thenCompose(there -> {
            CompletableFuture<BundleService.Report> published;
            try {
                published = bundles.publish(ids, there.bundles(), onExisting, told("stories.publish.publishing"));
            } catch (RuntimeException e) {
                published = CompletableFuture.failedFuture(e);
            }
            return published.whenComplete((report, failure) -> there.close());
        }), report -> dialogs.showInfo(summary("stories.publish.done", report, target.name())));
    }

    /** Asks for a bundle, shows what it holds (and what to do with stories that are here), then imports it. */
    public void importBundle() {
        if (running.get()) {
            return;
        }
        dialogs.chooseFile(new FileChoice(texts.get("stories.bundle.import.title"), texts.get("stories.bundle.filter"),
                List.of(EXTENSION))).thenAccept(file -> fx.execute(() -> file.ifPresent(this::read)));
    }

    private void read(Path bundle) {
        running.set(true);
        progress.set(texts.get("stories.bundle.reading"));
        bundles.contents(bundle)
                .thenCompose(held -> present(held).thenApply(here -> new Contents(held, here)))
                .whenComplete((contents, failure) -> fx.execute(() -> {
                    running.set(false);
                    progress.set("");
                    if (failure != null) {
                        dialogs.showError(sentence(failure));
                    } else {
                        ask(bundle, contents);
                    }
                }));
    }

    private record Contents(List<BundleStory> stories, List<BundleStory> here) {
    }

    /** The bundle's stories that this project has already (by id). */
    private CompletableFuture<List<BundleStory>> present(List<BundleStory> held) {
        List<CompletableFuture<Optional<BundleStory>>> checks = held.stream()
                .map(story -> stories.detail(story.storyId()).thenApply(found -> found.map(detail -> story)))
                .toList();
        return CompletableFuture.allOf(checks.toArray(CompletableFuture[]::new))
                .thenApply(done -> checks.stream().map(CompletableFuture::join).flatMap(Optional::stream).toList());
    }

    private void ask(Path bundle, Contents contents) {
        String name = bundle.getFileName().toString();
        if (contents.here().isEmpty()) {
            List<String> lines = contents.stories().stream()
                    .map(story -> texts.get("stories.bundle.line", story.title(), story.scenes().size())).toList();
            dialogs.confirmPlan(texts.get("stories.bundle.import.title"),
                            texts.get("stories.bundle.question", contents.stories().size(), name), lines,
                            texts.get("stories.bundle.confirm"))
                    .thenAccept(yes -> fx.execute(() -> {
                        if (yes) {
                            importNow(bundle, OnExisting.SKIP);
                        }
                    }));
            return;
        }
        int count = contents.here().size();
        String titles = String.join(", ", contents.here().stream().map(story -> "“" + story.title() + "”").toList());
        dialogs.choose(texts.get("stories.bundle.import.title"),
                        texts.get("stories.bundle.existing.question", count, titles, contents.stories().size(), name),
                        List.of(texts.get("stories.bundle.existing.skip", count),
                                texts.get("stories.bundle.existing.replace", count),
                                texts.get("stories.bundle.existing.copy", count)))
                .thenAccept(choice -> fx.execute(() -> choice.ifPresent(index -> importNow(bundle, CHOICES[index]))));
    }

    private void importNow(Path bundle, OnExisting onExisting) {
        start(bundles.importBundle(bundle, onExisting, told("stories.bundle.importing")), report -> {
            if (report.stories() > 0) {
                imported.run();
            }
            dialogs.showInfo(summary("stories.bundle.imported", report, bundle.getFileName().toString()));
        });
    }

    private void start(CompletableFuture<BundleService.Report> work, Consumer<BundleService.Report> done) {
        running.set(true);
        work.whenComplete((report, failure) -> fx.execute(() -> {
            running.set(false);
            progress.set("");
            if (failure != null) {
                dialogs.showError(sentence(failure));
            } else {
                done.accept(report);
            }
        }));
    }

    private Consumer<BundleService.Progress> told(String key) {
        return step -> fx.execute(() -> {
            if (running.get()) {
                progress.set(texts.get(key, step.filesDone(), step.filesTotal()));
            }
        });
    }

    private String summary(String key, BundleService.Report report, String file) {
        StringBuilder sentence = new StringBuilder(texts.get(key, report.stories(), report.scenes(), report.files(), file));
        if (!report.skipped().isEmpty()) {
            sentence.append(' ').append(texts.get("stories.bundle.skipped", report.skipped().size()));
        }
        List<String> notes = new ArrayList<>(report.notes());
        if (!notes.isEmpty()) {
            sentence.append(' ').append(texts.get("stories.bundle.notes", String.join("; ", notes)));
        }
        return sentence.toString();
    }

    /** The project to publish to could not be opened (unreachable, or the sign-in was cancelled or refused). */
    private static final class CannotOpen extends RuntimeException {
        final String project;

        CannotOpen(String project, Throwable cause) {
            super("could not open " + project, cause);
            this.project = project;
        }
    }

    /** A damaged bundle says what is wrong with it; anything else gets the usual sentence. */
    private String sentence(Throwable failure) {
        if (UserMessages.unwrap(failure) instanceof CannotOpen cannot) {
            return texts.get("stories.publish.cannotOpen", cannot.project, messages.describe(cannot.getCause(), "bundle"));
        }
        if (UserMessages.unwrap(failure) instanceof ServiceException se && se.reason() == ServiceException.Reason.INVALID
                && se.getMessage() != null && !se.getMessage().isBlank()) {
            messages.describe(failure, "bundle"); // logged once
            return se.getMessage() + ". " + texts.get("stories.bundle.nothingChanged");
        }
        return messages.describe(failure, "bundle");
    }
}
