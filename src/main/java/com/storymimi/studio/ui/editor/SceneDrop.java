package com.storymimi.studio.ui.editor;

import com.storymimi.studio.model.Scene;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * Many files (or a folder) dropped on the scene strip: folders are expanded one level, the files matched to
 * scenes by the number in their names, each checked by the media service, and the plan shown before anything
 * is uploaded. On confirmation the accepted files go up one after the other, each scene in the strip showing
 * its upload's progress, and one sentence sums up at the end.
 */
final class SceneDrop {

    private final EditorContext context;
    private final Executor disk;
    private final Supplier<List<SceneItem>> strip;
    private final Consumer<Scene> sceneChanged;
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper(this, "running");
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status", "");
    private boolean stopRequested;

    /** @param disk runs the blocking folder listing and file sizes (never the FX thread) */
    SceneDrop(EditorContext context, Executor disk, Supplier<List<SceneItem>> strip, Consumer<Scene> sceneChanged) {
        this.context = context;
        this.disk = disk;
        this.strip = strip;
        this.sceneChanged = sceneChanged;
    }

    /** Plans, asks, uploads. Ignored while an earlier drop is still under way. */
    void drop(List<Path> dropped) {
        if (running.get() || dropped.isEmpty()) {
            return;
        }
        running.set(true);
        stopRequested = false;
        List<Scene> scenes = strip.get().stream().map(SceneItem::scene).toList();
        CompletableFuture.supplyAsync(() -> expandWithSizes(dropped), disk)
                .thenCompose(sizes -> {
                    List<Path> files = List.copyOf(sizes.keySet());
                    context.fx().execute(() -> status.set(context.texts().get("editor.drop.checking", files.size())));
                    return plan(files, scenes, sizes);
                })
                .thenCompose(plan -> ask(plan).thenApply(yes -> yes ? plan : null))
                .whenComplete((plan, failure) -> context.fx().execute(() -> {
                    if (failure != null) {
                        finish(context.texts().get("editor.drop.failed", context.messages().describeUpload(failure)),
                                true);
                    } else if (plan == null || plan.uploads().isEmpty()) {
                        finish("", false);
                    } else {
                        upload(plan, 0, new Tally(plan));
                    }
                }));
    }

    /** Folders expanded one level (hidden files and subfolders left out), in name order; with sizes. */
    private static Map<Path, Long> expandWithSizes(List<Path> dropped) {
        Map<Path, Long> sizes = new LinkedHashMap<>();
        for (Path path : dropped) {
            if (Files.isDirectory(path)) {
                try (Stream<Path> inside = Files.list(path)) {
                    inside.filter(Files::isRegularFile)
                            .filter(p -> !p.getFileName().toString().startsWith("."))
                            .sorted().forEach(p -> sizes.put(p, sizeOf(p)));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            } else {
                sizes.put(path, sizeOf(path));
            }
        }
        return sizes;
    }

    private static long sizeOf(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            return 0; // the check will say what is wrong with it
        }
    }

    private CompletableFuture<DropPlan> plan(List<Path> files, List<Scene> scenes, Map<Path, Long> sizes) {
        List<SceneFileMatcher.Match> matches = SceneFileMatcher.matchAll(files);
        Map<Integer, Boolean> existing = new HashMap<>();
        scenes.forEach(s -> existing.put(s.sequence(), true));
        Map<Path, String> refusals = new ConcurrentHashMap<>();
        List<CompletableFuture<Void>> checks = new ArrayList<>();
        for (SceneFileMatcher.Match m : matches) {
            if (m.matched() && existing.containsKey(m.sceneNumber())) {
                checks.add(context.media().check(m.file(), m.kind()).handle((ok, failure) -> {
                    if (failure != null) {
                        refusals.put(m.file(), context.messages().describeUpload(failure));
                    }
                    return null;
                }));
            }
        }
        return CompletableFuture.allOf(checks.toArray(CompletableFuture[]::new))
                .thenApply(done -> DropPlan.of(matches, scenes, refusals, sizes));
    }

    private CompletableFuture<Boolean> ask(DropPlan plan) {
        CompletableFuture<Boolean> answer = new CompletableFuture<>();
        context.fx().execute(() -> {
            int uploads = plan.uploads().size();
            context.dialogs().confirmPlan(context.texts().get("editor.drop.title"),
                            context.texts().get("editor.drop.message", uploads), plan.lines(context.texts()),
                            context.texts().get(uploads == 0 ? "editor.drop.close" : "editor.drop.confirm"))
                    .whenComplete((yes, failure) -> {
                        if (failure != null) {
                            answer.completeExceptionally(failure);
                        } else {
                            answer.complete(uploads > 0 && yes);
                        }
                    });
        });
        return answer;
    }

    /** Counts what happened, for the closing sentence. */
    private static final class Tally {
        final DropPlan plan;
        int uploaded;
        int failed;
        int notStarted;
        String firstFailure;
        /** What the uploads changed, and one of the scenes, for the one undoable edit they make. */
        final List<MediaEdit.Change> changes = new ArrayList<>();
        Scene changedScene;

        Tally(DropPlan plan) {
            this.plan = plan;
        }
    }

    private void upload(DropPlan plan, int index, Tally tally) {
        List<DropPlan.Entry> uploads = plan.uploads();
        if (index == uploads.size() || stopRequested) {
            tally.notStarted = uploads.size() - index;
            if (!tally.changes.isEmpty()) {
                context.edits().record(new MediaEdit(context, tally.changedScene.storyId(), tally.changes,
                        tally.changedScene.sequence(), sceneChanged));
            }
            finish(summary(tally), tally.failed > 0);
            return;
        }
        DropPlan.Entry entry = uploads.get(index);
        SceneItem item = itemOf(entry.scene());
        status.set(context.texts().get("editor.drop.progress", index + 1, uploads.size(), entry.file().getFileName()));
        if (item == null) { // deleted meanwhile
            failed(tally, context.texts().get("error.scenes.NOT_FOUND"));
            upload(plan, index + 1, tally);
            return;
        }
        item.uploadProgress(0);
        long size = entry.size();
        Scene before = item.scene();
        context.media().attach(before, entry.match().kind(), entry.file(), sent -> context.fx().execute(() ->
                        item.uploadProgress(size <= 0 ? 1 : Math.min(1, sent / (double) size))))
                .whenComplete((scene, failure) -> context.fx().execute(() -> {
                    item.uploadProgress(-1);
                    if (failure == null) {
                        tally.uploaded++;
                        tally.changes.add(MediaEdit.Change.of(before, scene, entry.match().kind()));
                        tally.changedScene = scene;
                        sceneChanged.accept(scene);
                    } else {
                        failed(tally, context.messages().describeUpload(failure));
                    }
                    upload(plan, index + 1, tally);
                }));
    }

    private static void failed(Tally tally, String sentence) {
        tally.failed++;
        if (tally.firstFailure == null) {
            tally.firstFailure = sentence;
        }
    }

    private SceneItem itemOf(Scene scene) {
        return strip.get().stream().filter(i -> i.sceneId().equals(scene.sceneId())).findFirst().orElse(null);
    }

    private String summary(Tally tally) {
        StringBuilder s = new StringBuilder(context.texts().get("editor.drop.summary.uploaded", tally.uploaded));
        long refused = tally.plan.count(DropPlan.Verdict.REFUSED);
        if (refused > 0) {
            s.append(context.texts().get("editor.drop.summary.refused", refused));
        }
        if (tally.plan.skipped() > 0) {
            s.append(context.texts().get("editor.drop.summary.skipped", tally.plan.skipped()));
        }
        if (tally.failed > 0) {
            s.append(context.texts().get("editor.drop.summary.failed", tally.failed));
        }
        if (tally.notStarted > 0) {
            s.append(context.texts().get("editor.drop.summary.cancelled", tally.notStarted));
        }
        s.append('.');
        if (tally.firstFailure != null) {
            s.append(' ').append(tally.firstFailure);
        }
        return s.toString();
    }

    private void finish(String sentence, boolean problem) {
        running.set(false);
        status.set(sentence);
        if (!sentence.isEmpty()) {
            if (problem) {
                context.dialogs().showError(sentence);
            } else {
                context.dialogs().showInfo(sentence);
            }
        }
    }

    /** Stops after the file being uploaded now; the summary says how many were left. */
    void stop() {
        stopRequested = running.get();
    }

    ReadOnlyBooleanProperty runningProperty() {
        return running.getReadOnlyProperty();
    }

    /** "Checking 9 files…", "Uploading 3 of 8: 03.png", then the summary; empty before the first drop. */
    ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }
}
