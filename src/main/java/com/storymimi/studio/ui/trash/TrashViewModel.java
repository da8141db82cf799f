package com.storymimi.studio.ui.trash;

import com.storymimi.studio.model.TrashItem;
import com.storymimi.studio.model.TrashKind;
import com.storymimi.studio.service.trash.TrashService;
import com.storymimi.studio.ui.common.AsyncCommand;
import com.storymimi.studio.ui.common.DialogService;
import com.storymimi.studio.ui.common.Texts;
import com.storymimi.studio.ui.common.UserMessages;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.IntConsumer;

/**
 * The Trash section: what editors deleted, newest first, with restore and delete-for-good. Opening it first deletes
 * for good what is older than the retention (days; 0 keeps everything), which the editor can change here.
 */
public final class TrashViewModel {

    /** Items listed; older ones show once newer ones are restored or deleted. */
    public static final int LIMIT = 500;

    private final TrashService trash;
    private final DialogService dialogs;
    private final UserMessages messages;
    private final Texts texts;
    private final Clock clock;
    private final IntConsumer retentionSaver;

    private final ObservableList<TrashItem> rows = FXCollections.observableArrayList();
    private final ObservableList<TrashItem> rowsView = FXCollections.unmodifiableObservableList(rows);
    private final ObservableList<TrashItem> selected = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error", "");
    private final IntegerProperty retentionDays = new SimpleIntegerProperty(this, "retentionDays");

    private final AsyncCommand<List<TrashItem>> load;
    private final AsyncCommand<List<TrashItem>> restore;
    private final AsyncCommand<Integer> deleteForever;
    private final AsyncCommand<Integer> empty;
    private final BooleanBinding busy;
    private Runnable onRestored = () -> { };
    /** The item whose restore is under way: a failure sentence names it and what it belongs to. */
    private volatile TrashItem restoring;

    /** A factory for the shell: one Trash section per open connection, all remembering the same retention. */
    public static java.util.function.Function<com.storymimi.studio.service.Connection, TrashViewModel> forConnections(
            DialogService dialogs, UserMessages messages, Texts texts, Executor fx, Clock clock, int retentionDays,
            IntConsumer retentionSaver) {
        int[] current = {retentionDays};
        return connection -> {
            TrashViewModel created = new TrashViewModel(connection.trash(), dialogs, messages, texts, fx, clock,
                    current[0], days -> {
                        current[0] = days;
                        retentionSaver.accept(days);
                    });
            return created;
        };
    }

    /**
     * @param retentionDays  items deleted longer ago are deleted for good when the section opens; 0 keeps them
     * @param retentionSaver remembers a retention the editor chose
     */
    public TrashViewModel(TrashService trash, DialogService dialogs, UserMessages messages, Texts texts,
                          Executor fx, Clock clock, int retentionDays, IntConsumer retentionSaver) {
        this.trash = Objects.requireNonNull(trash, "trash");
        this.dialogs = Objects.requireNonNull(dialogs, "dialogs");
        this.messages = Objects.requireNonNull(messages, "messages");
        this.texts = Objects.requireNonNull(texts, "texts");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.retentionSaver = Objects.requireNonNull(retentionSaver, "retentionSaver");
        this.retentionDays.set(Math.max(0, retentionDays));
        load = new AsyncCommand<>(fx, this::purgeThenList).onSuccess(this::show).onFailure(this::failed);
        BooleanBinding someSelected = Bindings.isNotEmpty(selected);
        restore = new AsyncCommand<>(fx, this::restoreSelected, someSelected)
                .onSuccess(this::restored).onFailure(this::restoreFailed);
        deleteForever = new AsyncCommand<>(fx, this::confirmAndDeleteSelected, someSelected)
                .onSuccess(this::deletedForGood).onFailure(this::failed);
        empty = new AsyncCommand<>(fx, this::confirmAndEmpty, Bindings.isNotEmpty(rows))
                .onSuccess(this::deletedForGood).onFailure(this::failed);
        busy = load.runningProperty().or(restore.runningProperty()).or(deleteForever.runningProperty())
                .or(empty.runningProperty());
        this.retentionDays.addListener((obs, old, days) -> {
            if (days.intValue() != old.intValue()) {
                this.retentionSaver.accept(days.intValue());
            }
        });
    }

    /** Loads (after purging by age); called when the section is shown, since deletes elsewhere add items. */
    public void refresh() {
        error.set("");
        load.restart();
    }

    /** Selects these items (the view's table selection). */
    public void select(List<TrashItem> items) {
        selected.setAll(items);
    }

    /** Called after a restore, so sections showing the restored rows reload them. */
    public void setOnRestored(Runnable onRestored) {
        this.onRestored = Objects.requireNonNull(onRestored, "onRestored");
    }

    private CompletableFuture<List<TrashItem>> purgeThenList() {
        int days = retentionDays.get();
        CompletableFuture<Integer> purged = days == 0 ? CompletableFuture.completedFuture(0)
                : trash.purgeDeletedBefore(clock.instant().minus(Duration.ofDays(days)));
        return purged.thenCompose(count -> trash.list(LIMIT));
    }

    /** Restores one after another, so a failure stops at the item it names and the ones before stay restored. */
    private CompletableFuture<List<TrashItem>> restoreSelected() {
        List<TrashItem> items = List.copyOf(selected);
        CompletableFuture<List<TrashItem>> done = CompletableFuture.completedFuture(List.of());
        for (TrashItem item : items) {
            done = done.thenCompose(restored -> {
                restoring = item;
                return trash.restore(item.trashId()).thenApply(ignored -> {
                    List<TrashItem> more = new java.util.ArrayList<>(restored);
                    more.add(item);
                    return List.copyOf(more);
                });
            });
        }
        return done;
    }

    private CompletableFuture<Integer> confirmAndDeleteSelected() {
        List<TrashItem> items = List.copyOf(selected);
        return dialogs.confirmPlan(texts.get("trash.deleteForever.title"),
                        texts.get("trash.deleteForever.question", items.size()),
                        items.stream().map(this::describe).toList(), texts.get("trash.deleteForever.confirm"))
                .thenCompose(yes -> yes ? trash.deleteForever(items.stream().map(TrashItem::trashId).toList())
                        : CompletableFuture.completedFuture(-1));
    }

    private CompletableFuture<Integer> confirmAndEmpty() {
        List<TrashItem> items = List.copyOf(rows);
        return dialogs.confirmPlan(texts.get("trash.empty.title"), texts.get("trash.empty.question", items.size()),
                        items.stream().map(this::describe).toList(), texts.get("trash.empty.confirm"))
                .thenCompose(yes -> yes ? trash.deleteForever(items.stream().map(TrashItem::trashId).toList())
                        : CompletableFuture.completedFuture(-1));
    }

    private void show(List<TrashItem> items) {
        rows.setAll(items);
        selected.retainAll(items);
    }

    private void restored(List<TrashItem> items) {
        error.set("");
        message.set(items.size() == 1 ? texts.get("trash.restored.one", describe(items.getFirst()))
                : texts.get("trash.restored.many", items.size()));
        load.restart();
        onRestored.run();
    }

    private void restoreFailed(Throwable failure) {
        message.set("");
        TrashItem item = restoring;
        String sentence = messages.describe(failure, "restore");
        if (item != null && item.parentLabel() != null && item.kind() != TrashKind.USER
                && UserMessages.unwrap(failure) instanceof com.storymimi.studio.service.ServiceException se
                && se.reason() == com.storymimi.studio.service.ServiceException.Reason.INVALID) {
            String key = switch (item.kind()) {
                case STORY -> "trash.restore.userMissing";
                case IMAGE, AUDIO -> "trash.restore.sceneMissing";
                default -> "trash.restore.storyMissing";
            };
            sentence = texts.get(key, name(item), item.parentLabel());
        }
        error.set(sentence);
        load.restart(); // what was restored before the failure, and what someone else changed, shows
        onRestored.run();
    }

    private void deletedForGood(int count) {
        if (count < 0) {
            return; // the editor said no
        }
        error.set("");
        message.set(texts.get("trash.deletedForGood", count));
        load.restart();
    }

    private void failed(Throwable failure) {
        message.set("");
        error.set(messages.describe(failure, "trash"));
    }

    /** "Story “The Fox” (4 scenes, by tess)" — one line per item in lists and confirmations. */
    public String describe(TrashItem item) {
        return texts.get("trash.kind." + item.kind().name().toLowerCase(java.util.Locale.ROOT), item.label())
                + " — " + details(item);
    }

    /** The Details column: what went along and where it belonged. */
    public String details(TrashItem item) {
        String parent = item.parentLabel() == null ? "" : item.parentLabel();
        return switch (item.kind()) {
            case USER -> texts.get("trash.details.user", parent, item.storyCount(), item.sceneCount());
            case STORY -> parent.isEmpty() ? texts.get("trash.details.story", item.sceneCount())
                    : texts.get("trash.details.storyOf", item.sceneCount(), parent);
            case SCENE -> texts.get("trash.details.scene", parent);
            case IMAGE -> texts.get("trash.details.image", parent);
            case AUDIO -> texts.get("trash.details.audio", parent);
        };
    }

    /** The Name column: the label, or a placeholder for an empty scene text. */
    public String name(TrashItem item) {
        return item.label().isBlank() && item.kind() != TrashKind.USER && item.kind() != TrashKind.STORY
                ? texts.get("trash.scene.noText")
                : item.label();
    }

    public ObservableList<TrashItem> rows() {
        return rowsView;
    }

    public ObservableList<TrashItem> selected() {
        return selected;
    }

    /** "Restored “The Fox”." and the like, after an action. */
    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    public IntegerProperty retentionDaysProperty() {
        return retentionDays;
    }

    public AsyncCommand<List<TrashItem>> loadCommand() {
        return load;
    }

    public AsyncCommand<List<TrashItem>> restoreCommand() {
        return restore;
    }

    public AsyncCommand<Integer> deleteForeverCommand() {
        return deleteForever;
    }

    public AsyncCommand<Integer> emptyCommand() {
        return empty;
    }

    public BooleanBinding busyBinding() {
        return busy;
    }

    public void dispose() {
        load.cancel();
    }
}
