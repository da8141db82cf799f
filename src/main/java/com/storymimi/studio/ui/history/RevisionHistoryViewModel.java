package com.storymimi.studio.ui.history;

import com.storymimi.studio.model.Revision;
import com.storymimi.studio.model.RevisionKind;
import com.storymimi.studio.service.revisions.RevisionService;
import com.storymimi.studio.ui.common.AsyncCommand;
import com.storymimi.studio.ui.common.Texts;
import com.storymimi.studio.ui.common.UserMessages;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.Executor;
import java.util.function.Function;

/**
 * The history of one story: every saved change newest first, the selected one side by side (before | after: the
 * text, the story's fields, or the scene order), and restoring it, which saves its "after" again.
 */
public final class RevisionHistoryViewModel {

    /** Revisions listed; enough for weeks of editing of one story. */
    public static final int LIMIT = 500;

    private final UUID storyId;
    private final RevisionService revisions;
    private final UserMessages messages;
    private final Texts texts;
    private final Function<UUID, String> sceneNames;
    private final DateTimeFormatter when;
    private final ObservableList<Revision> rows = FXCollections.observableArrayList();
    private final ObservableList<Revision> rowsView = FXCollections.unmodifiableObservableList(rows);
    private final ReadOnlyObjectWrapper<Revision> selected = new ReadOnlyObjectWrapper<>(this, "selected");
    private final ReadOnlyStringWrapper before = new ReadOnlyStringWrapper(this, "before", "");
    private final ReadOnlyStringWrapper after = new ReadOnlyStringWrapper(this, "after", "");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");
    private final AsyncCommand<List<Revision>> load;
    private final AsyncCommand<Void> restore;
    private Runnable onRestored = () -> { };

    /**
     * @param sceneNames names a scene for the order view ("3 · The owl wakes"); ids it does not know are named
     *                   as gone
     */
    public RevisionHistoryViewModel(UUID storyId, RevisionService revisions, UserMessages messages, Texts texts,
                                    Executor fx, ZoneId zone, Function<UUID, String> sceneNames) {
        this.storyId = Objects.requireNonNull(storyId, "storyId");
        this.revisions = Objects.requireNonNull(revisions, "revisions");
        this.messages = Objects.requireNonNull(messages, "messages");
        this.texts = Objects.requireNonNull(texts, "texts");
        this.sceneNames = Objects.requireNonNull(sceneNames, "sceneNames");
        this.when = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT)
                .withLocale(texts.locale()).withZone(zone);
        load = new AsyncCommand<>(fx, () -> revisions.history(storyId, LIMIT))
                .onSuccess(this::show)
                .onFailure(failure -> message.set(messages.describe(failure, "history")));
        BooleanBinding restorable = selected.isNotNull();
        restore = new AsyncCommand<>(fx, () -> revisions.restore(selected.get()), restorable)
                .onSuccess(done -> restored())
                .onFailure(failure -> {
                    message.set(messages.describe(failure, "history"));
                    load.restart();
                });
    }

    public void start() {
        load.restart();
    }

    public void setOnRestored(Runnable onRestored) {
        this.onRestored = Objects.requireNonNull(onRestored, "onRestored");
    }

    public void select(Revision revision) {
        selected.set(revision);
        before.set(revision == null ? "" : side(revision, true));
        after.set(revision == null ? "" : side(revision, false));
    }

    private void show(List<Revision> list) {
        Revision keep = selected.get();
        rows.setAll(list);
        select(keep == null ? (list.isEmpty() ? null : list.getFirst())
                : list.stream().filter(r -> r.revisionId().equals(keep.revisionId())).findFirst()
                        .orElse(list.isEmpty() ? null : list.getFirst()));
    }

    private void restored() {
        message.set(texts.get("history.restored", when.format(selected.get().createdAt())));
        load.restart();
        onRestored.run();
    }

    /** "Scene 2 · text", "Story · title, status", "Scene order". */
    public String summary(Revision revision) {
        String fields = String.join(", ", revision.fields().stream()
                .map(field -> texts.get("history.field." + field.name())).toList());
        return switch (revision.kind()) {
            case SCENE -> texts.get("history.summary.scene", sceneNames.apply(revision.sceneId()), fields);
            case STORY -> texts.get("history.summary.story", fields);
            case ORDER -> texts.get("history.summary.order");
        };
    }

    /** "editor@storymimi.local · Dec 7, 2026, 2:28 PM". */
    public String byline(Revision revision) {
        String who = revision.createdByEmail() == null ? texts.get("history.by.unknown") : revision.createdByEmail();
        return who + " · " + when.format(revision.createdAt());
    }

    private String side(Revision revision, boolean beforeSide) {
        if (revision.kind() == RevisionKind.ORDER) {
            List<UUID> order = beforeSide ? revision.orderBefore() : revision.orderAfter();
            StringBuilder lines = new StringBuilder();
            for (int i = 0; i < order.size(); i++) {
                lines.append(i + 1).append(". ").append(sceneNames.apply(order.get(i))).append('\n');
            }
            return lines.toString().stripTrailing();
        }
        if (revision.kind() == RevisionKind.SCENE && revision.fields().size() == 1) {
            String value = beforeSide ? revision.fields().getFirst().before() : revision.fields().getFirst().after();
            return value == null ? texts.get("history.value.none") : value;
        }
        StringBuilder lines = new StringBuilder();
        for (Revision.Field field : revision.fields()) {
            String value = beforeSide ? field.before() : field.after();
            lines.append(texts.get("history.field." + field.name())).append(": ")
                    .append(value == null ? texts.get("history.value.none") : value).append("\n\n");
        }
        return lines.toString().stripTrailing();
    }

    public ObservableList<Revision> rows() {
        return rowsView;
    }

    public ReadOnlyObjectProperty<Revision> selectedProperty() {
        return selected.getReadOnlyProperty();
    }

    /** The selected revision's side before it was saved. */
    public ReadOnlyStringProperty beforeProperty() {
        return before.getReadOnlyProperty();
    }

    /** The selected revision's side as it was saved: what a restore brings back. */
    public ReadOnlyStringProperty afterProperty() {
        return after.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    public AsyncCommand<List<Revision>> loadCommand() {
        return load;
    }

    public AsyncCommand<Void> restoreCommand() {
        return restore;
    }

    public UUID storyId() {
        return storyId;
    }
}
