package com.storymimi.studio.ui.integrity;

import com.storymimi.studio.model.Finding;
import com.storymimi.studio.model.FindingKind;
import com.storymimi.studio.model.IntegrityReport;
import com.storymimi.studio.model.ScanProgress;
import com.storymimi.studio.service.Connection;
import com.storymimi.studio.service.IntegrityService;
import com.storymimi.studio.ui.common.AsyncCommand;
import com.storymimi.studio.ui.common.DialogService;
import com.storymimi.studio.ui.common.Texts;
import com.storymimi.studio.ui.common.UserMessages;
import com.storymimi.studio.ui.integrity.IntegrityRow.KindRow;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The Integrity section: runs a scan with its progress, shows the findings grouped by kind, and applies one fix
 * or all fixes of a kind (after one confirmation). A fixed finding leaves the list; one whose fix conflicts stays
 * with a sentence saying why.
 */
public final class IntegrityViewModel {

    /** How the main window builds this section for each connection it opens. */
    public static Function<Connection, IntegrityViewModel> forConnections(DialogService dialogs, UserMessages messages,
                                                                          Texts texts, Executor fx) {
        return connection -> new IntegrityViewModel(connection.integrity(), dialogs, messages, texts, fx);
    }

    private final IntegrityService integrity;
    private final DialogService dialogs;
    private final UserMessages messages;
    private final FindingTexts texts;
    private final Executor fx;

    private final List<FindingRow> findings = new ArrayList<>();
    private final ObservableList<IntegrityRow> rows = FXCollections.observableArrayList();
    private final ObservableList<IntegrityRow> rowsView = FXCollections.unmodifiableObservableList(rows);
    private final ReadOnlyStringWrapper phaseText = new ReadOnlyStringWrapper(this, "phaseText", "");
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(this, "progress", -1);
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper(this, "summary", "");
    private final ReadOnlyStringWrapper emptyText = new ReadOnlyStringWrapper(this, "emptyText", "");
    private final ReadOnlyStringWrapper notice = new ReadOnlyStringWrapper(this, "notice", "");
    private final ReadOnlyBooleanWrapper fixingAll = new ReadOnlyBooleanWrapper(this, "fixingAll");
    private final AsyncCommand<IntegrityReport> scan;
    private IntegrityReport report;
    private long scanTicket;
    private Consumer<UUID> onOpenStory = storyId -> { };

    public IntegrityViewModel(IntegrityService integrity, DialogService dialogs, UserMessages messages, Texts texts,
                              Executor fx) {
        this.integrity = Objects.requireNonNull(integrity, "integrity");
        this.dialogs = Objects.requireNonNull(dialogs, "dialogs");
        this.messages = Objects.requireNonNull(messages, "messages");
        this.texts = new FindingTexts(texts);
        this.fx = Objects.requireNonNull(fx, "fx");
        scan = new AsyncCommand<>(fx, this::startScan, fixingAll.not())
                .onSuccess(this::showReport)
                .onFailure(failure -> {
                    endProgress();
                    notice.set(messages.describe(failure, "integrity"));
                });
        emptyText.set(this.texts.get("integrity.empty.start"));
    }

    // -- scan -------------------------------------------------------------------------------------------------

    /** Starts a scan (F5); the list keeps the previous result until the new one arrives. */
    public void scan() {
        scan.execute();
    }

    /** Stops the running scan; nothing was changed by it. */
    public void cancelScan() {
        if (scan.isRunning()) {
            scan.cancel();
            endProgress();
            notice.set(texts.get("integrity.cancelled"));
        }
    }

    private CompletableFuture<IntegrityReport> startScan() {
        long ticket = ++scanTicket;
        notice.set("");
        phaseText.set(texts.get("integrity.starting"));
        progress.set(-1);
        return integrity.scan(step -> fx.execute(() -> showProgress(ticket, step)));
    }

    private void showProgress(long ticket, ScanProgress step) {
        if (ticket != scanTicket || !scan.isRunning()) {
            return; // a late report of a cancelled or older scan
        }
        phaseText.set(texts.progress(step));
        progress.set(step.fraction());
    }

    private void endProgress() {
        phaseText.set("");
        progress.set(-1);
    }

    private void showReport(IntegrityReport scanned) {
        endProgress();
        report = scanned;
        findings.clear();
        for (Finding finding : scanned.findings()) {
            findings.add(new FindingRow(finding, texts.storyLine(finding), texts.fixLabel(finding.fix()),
                    texts.noFixReason(finding.fix())));
        }
        rebuildRows();
    }

    /** Where "open the story" of a finding goes: the main window opens it in the story editor. */
    public void setOnOpenStory(Consumer<UUID> handler) {
        onOpenStory = Objects.requireNonNull(handler, "handler");
    }

    /** Opens the finding's story in the editor, to look at it before (or instead of) fixing. */
    public void openStory(FindingRow row) {
        if (row.canOpenStory()) {
            onOpenStory.accept(row.finding().storyId());
        }
    }

    // -- fixes ------------------------------------------------------------------------------------------------

    /** Applies the finding's fix; the row leaves the list when it worked, or says why it did not. */
    public void fix(FindingRow row) {
        if (!row.fixable() || row.fixingProperty().get() || !findings.contains(row)) {
            return;
        }
        fixThen(row, () -> { });
    }

    private void fixThen(FindingRow row, Runnable next) {
        row.startFixing();
        integrity.fix(row.finding()).whenComplete((ignored, failure) -> fx.execute(() -> {
            if (failure == null) {
                findings.remove(row);
                rebuildRows();
            } else {
                row.fixFailed(messages.describe(failure, "integrity"));
            }
            next.run();
        }));
    }

    /** Asks once, naming how many go, then fixes every fixable finding of the kind one after the other. */
    public void fixAll(FindingKind kind) {
        List<FindingRow> todo = findings.stream()
                .filter(row -> row.finding().kind() == kind && row.fixable() && !row.fixingProperty().get())
                .toList();
        if (todo.isEmpty() || fixingAll.get()) {
            return;
        }
        fixingAll.set(true);
        dialogs.confirm(texts.confirmTitle(kind), texts.confirmMessage(kind, todo.size()),
                        texts.confirmLabel(kind, todo.size()))
                .whenComplete((yes, failure) -> fx.execute(() -> {
                    if (failure == null && Boolean.TRUE.equals(yes)) {
                        fixEach(todo.iterator());
                    } else {
                        fixingAll.set(false);
                    }
                }));
    }

    private void fixEach(Iterator<FindingRow> todo) {
        while (todo.hasNext()) {
            FindingRow row = todo.next();
            if (findings.contains(row) && !row.fixingProperty().get()) {
                fixThen(row, () -> fixEach(todo)); // one at a time: a kind can hold thousands of files
                return;
            }
        }
        fixingAll.set(false);
    }

    private void rebuildRows() {
        Map<FindingKind, List<FindingRow>> byKind = new EnumMap<>(FindingKind.class);
        for (FindingRow row : findings) {
            byKind.computeIfAbsent(row.finding().kind(), k -> new ArrayList<>()).add(row);
        }
        List<IntegrityRow> shown = new ArrayList<>();
        Map<FindingKind, Integer> counts = new EnumMap<>(FindingKind.class);
        byKind.forEach((kind, list) -> {
            boolean fixable = list.stream().anyMatch(FindingRow::fixable);
            shown.add(new KindRow(kind, texts.kind(kind), list.size(), fixable ? texts.fixAllLabel() : ""));
            shown.addAll(list);
            counts.put(kind, list.size());
        });
        rows.setAll(shown);
        summary.set(texts.summary(counts));
        emptyText.set(report.isClean() ? texts.clean(report)
                : findings.isEmpty() ? texts.get("integrity.empty.allFixed") : "");
    }

    public void dispose() {
        scan.cancel();
    }

    // -- properties -------------------------------------------------------------------------------------------

    /** Kind headers, each followed by its findings, in {@link FindingKind} order. */
    public ObservableList<IntegrityRow> rows() {
        return rowsView;
    }

    public AsyncCommand<IntegrityReport> scanCommand() {
        return scan;
    }

    /** "Checking scenes and their media: 120 of 9,870" while scanning, else "". */
    public ReadOnlyStringProperty phaseTextProperty() {
        return phaseText.getReadOnlyProperty();
    }

    /** 0..1, or -1 when the phase's size is not known. */
    public ReadOnlyDoubleProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    /** "Unused files 3 · Broken scene order 1"; "" when nothing is listed. */
    public ReadOnlyStringProperty summaryProperty() {
        return summary.getReadOnlyProperty();
    }

    /** What the empty list says: before the first scan, after a clean one, after everything was fixed. */
    public ReadOnlyStringProperty emptyTextProperty() {
        return emptyText.getReadOnlyProperty();
    }

    /** A failed or cancelled scan, in one sentence; "" otherwise. */
    public ReadOnlyStringProperty noticeProperty() {
        return notice.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty fixingAllProperty() {
        return fixingAll.getReadOnlyProperty();
    }
}
