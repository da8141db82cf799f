package com.storymimi.studio.ui.shell;

import atlantafx.base.theme.Styles;
import com.storymimi.studio.ui.common.BackgroundJob;
import com.storymimi.studio.ui.common.BackgroundJobs;
import com.storymimi.studio.ui.common.Texts;
import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.geometry.Bounds;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Popup;

import java.time.Duration;

/**
 * The status bar's "2 uploads running ▮▮▮▯ 64%": a small bar and a label, shown while something runs or a
 * failure waits; clicking it opens a panel listing each job with its progress, speed, time left, Cancel and
 * Retry.
 */
public final class BackgroundJobsIndicator extends Button {

    public static final String ID = "background-jobs";
    public static final String PANEL_ID = "background-jobs-panel";

    private final BackgroundJobs jobs;
    private final Texts texts;
    private final Popup popup = new Popup();
    private final VBox rows = new VBox(10);

    public BackgroundJobsIndicator(BackgroundJobs jobs, Texts texts) {
        this.jobs = jobs;
        this.texts = texts;
        setId(ID);
        getStyleClass().addAll(Styles.FLAT, Styles.SMALL, "background-jobs");
        ProgressBar bar = new ProgressBar();
        bar.setPrefWidth(70);
        bar.getStyleClass().add(Styles.SMALL);
        bar.progressProperty().bind(jobs.overallFractionProperty());
        bar.visibleProperty().bind(jobs.runningCountProperty().greaterThan(0));
        bar.managedProperty().bind(bar.visibleProperty());
        Label summary = new Label();
        summary.textProperty().bind(Bindings.createStringBinding(this::summaryText,
                jobs.runningCountProperty(), jobs.failedCountProperty(), jobs.overallFractionProperty()));
        HBox graphic = new HBox(6, summary, bar);
        graphic.setAlignment(Pos.CENTER_LEFT);
        setGraphic(graphic);
        textProperty().bind(summary.textProperty()); // accessible name; the graphic shows it
        setContentDisplay(javafx.scene.control.ContentDisplay.GRAPHIC_ONLY);
        visibleProperty().bind(jobs.worthShowingProperty());
        managedProperty().bind(visibleProperty());
        setOnAction(e -> togglePanel());
        buildPanel();
        jobs.jobs().addListener((ListChangeListener<BackgroundJob>) change -> refreshRows());
    }

    private String summaryText() {
        int running = jobs.runningCountProperty().get();
        if (running > 0) {
            return texts.get("jobs.status.running", running, Math.round(jobs.overallFractionProperty().get() * 100));
        }
        return texts.get("jobs.status.failed", jobs.failedCountProperty().get());
    }

    private void buildPanel() {
        Label title = new Label(texts.get("jobs.panel.title"));
        title.getStyleClass().add(Styles.TITLE_4);
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        Button clear = new Button(texts.get("jobs.panel.clear"));
        clear.getStyleClass().addAll(Styles.FLAT, Styles.SMALL);
        clear.setOnAction(e -> jobs.clearFinished());
        HBox header = new HBox(8, title, gap, clear);
        header.setAlignment(Pos.CENTER_LEFT);
        ScrollPane scroll = new ScrollPane(rows);
        scroll.setFitToWidth(true);
        scroll.setMaxHeight(360);
        scroll.setStyle("-fx-background-color: transparent;");
        VBox panel = new VBox(10, header, scroll);
        panel.setId(PANEL_ID);
        panel.getStyleClass().addAll("background-jobs-panel", Styles.ELEVATED_2);
        panel.setPrefWidth(440);
        panel.setStyle("-fx-background-color: -color-bg-default; -fx-border-color: -color-border-default;"
                + " -fx-border-radius: 6; -fx-background-radius: 6; -fx-padding: 12;");
        popup.getContent().add(panel);
        popup.setAutoHide(true);
        refreshRows();
    }

    private void refreshRows() {
        rows.getChildren().setAll(jobs.jobs().stream().map(this::row).toList());
        if (rows.getChildren().isEmpty()) {
            rows.getChildren().add(new Label(texts.get("jobs.panel.empty")));
        }
    }

    private void togglePanel() {
        if (popup.isShowing()) {
            popup.hide();
            return;
        }
        Bounds bounds = localToScreen(getBoundsInLocal());
        popup.show(this, 0, 0);
        // Open upwards from the status bar, right edge aligned with the indicator.
        popup.setX(bounds.getMaxX() - popup.getWidth());
        popup.setY(bounds.getMinY() - popup.getHeight() - 4);
    }

    private VBox row(BackgroundJob job) {
        Label name = new Label(job.name());
        name.getStyleClass().add(Styles.TEXT_BOLD);
        ProgressBar bar = new ProgressBar();
        bar.setMaxWidth(Double.MAX_VALUE);
        bar.progressProperty().bind(job.fractionProperty());
        Label detail = new Label();
        detail.setWrapText(true);
        detail.getStyleClass().add(Styles.TEXT_SMALL);
        detail.textProperty().bind(Bindings.createStringBinding(() -> detailText(job), job.stateProperty(),
                job.bytesDoneProperty(), job.bytesPerSecondProperty(), job.timeLeftProperty(), job.errorProperty()));
        Button cancel = new Button(texts.get("jobs.cancel"));
        cancel.getStyleClass().addAll(Styles.SMALL);
        cancel.setAccessibleText(texts.get("jobs.cancel.accessible", job.name()));
        cancel.visibleProperty().bind(job.stateProperty().isEqualTo(BackgroundJob.State.RUNNING));
        cancel.managedProperty().bind(cancel.visibleProperty());
        cancel.setOnAction(e -> job.cancel());
        Button retry = new Button(texts.get("jobs.retry"));
        retry.getStyleClass().addAll(Styles.SMALL, Styles.ACCENT);
        retry.setAccessibleText(texts.get("jobs.retry.accessible", job.name()));
        retry.visibleProperty().bind(Bindings.createBooleanBinding(job::canRetry, job.stateProperty()));
        retry.managedProperty().bind(retry.visibleProperty());
        retry.setOnAction(e -> job.retry());
        HBox.setHgrow(bar, Priority.ALWAYS);
        HBox line = new HBox(8, bar, cancel, retry);
        line.setAlignment(Pos.CENTER_LEFT);
        VBox row = new VBox(4, name, line, detail);
        job.stateProperty().addListener((obs, old, state) -> styleFor(detail, state));
        styleFor(detail, job.state());
        return row;
    }

    private static void styleFor(Label detail, BackgroundJob.State state) {
        detail.getStyleClass().removeAll(Styles.DANGER, Styles.SUCCESS);
        if (state == BackgroundJob.State.FAILED) {
            detail.getStyleClass().add(Styles.DANGER);
        } else if (state == BackgroundJob.State.DONE) {
            detail.getStyleClass().add(Styles.SUCCESS);
        }
    }

    private String detailText(BackgroundJob job) {
        return switch (job.state()) {
            case DONE -> texts.get("jobs.state.done", size(job.bytesTotalProperty().get()));
            case CANCELLED -> texts.get("jobs.state.cancelled");
            case FAILED -> job.errorProperty().get();
            case RUNNING -> {
                String sent = texts.get("jobs.state.sent", size(job.bytesDoneProperty().get()),
                        size(job.bytesTotalProperty().get()));
                double speed = job.bytesPerSecondProperty().get();
                Duration left = job.timeLeftProperty().get();
                if (speed <= 0 || left == null) {
                    yield sent;
                }
                yield texts.get("jobs.state.running", sent, size((long) speed), Math.max(1, left.toSeconds()));
            }
        };
    }

    private String size(long bytes) {
        if (bytes < 1024) {
            return texts.get("jobs.size.bytes", bytes);
        }
        if (bytes < 1024 * 1024) {
            return texts.get("jobs.size.kib", bytes / 1024.0);
        }
        return texts.get("jobs.size.mib", bytes / (1024.0 * 1024));
    }
}
