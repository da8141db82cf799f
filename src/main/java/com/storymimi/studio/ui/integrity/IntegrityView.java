package com.storymimi.studio.ui.integrity;

import com.storymimi.studio.ui.common.Texts;
import javafx.beans.value.ObservableStringValue;
import javafx.fxml.FXML;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressBar;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.HBox;
import javafx.scene.layout.StackPane;

import java.util.Map;
import java.util.Objects;

/**
 * Binds the Integrity section: the Scan button, the progress of a running scan with its Cancel button, the
 * summary of counts and the findings list. F5 and Esc are on the scene only while the section is visible.
 */
public final class IntegrityView {

    private static final KeyCombination SCAN = new KeyCodeCombination(KeyCode.F5);
    private static final KeyCombination CANCEL = new KeyCodeCombination(KeyCode.ESCAPE);

    private final IntegrityViewModel viewModel;
    private final Texts texts;
    private final Map<KeyCombination, Runnable> shortcuts;

    @FXML private StackPane root;
    @FXML private Button scanButton;
    @FXML private HBox progressBox;
    @FXML private Label phaseLabel;
    @FXML private ProgressBar scanProgress;
    @FXML private Button cancelScanButton;
    @FXML private Label noticeLabel;
    @FXML private Label summaryLabel;
    @FXML private ListView<IntegrityRow> findingsList;

    public IntegrityView(IntegrityViewModel viewModel, Texts texts) {
        this.viewModel = Objects.requireNonNull(viewModel, "viewModel");
        this.texts = Objects.requireNonNull(texts, "texts");
        shortcuts = Map.of(SCAN, viewModel::scan, CANCEL, viewModel::cancelScan);
    }

    @FXML
    private void initialize() {
        scanButton.disableProperty().bind(viewModel.scanCommand().executableProperty().not());
        progressBox.visibleProperty().bind(viewModel.scanCommand().runningProperty());
        progressBox.managedProperty().bind(progressBox.visibleProperty());
        phaseLabel.textProperty().bind(viewModel.phaseTextProperty());
        scanProgress.progressProperty().bind(viewModel.progressProperty());
        showWhenNotEmpty(noticeLabel, viewModel.noticeProperty());
        showWhenNotEmpty(summaryLabel, viewModel.summaryProperty());
        Label placeholder = new Label();
        placeholder.getStyleClass().add("state-text");
        placeholder.setWrapText(true);
        placeholder.textProperty().bind(viewModel.emptyTextProperty());
        findingsList.setPlaceholder(placeholder);
        findingsList.setItems(viewModel.rows());
        findingsList.setCellFactory(list -> new IntegrityRowCell(viewModel, texts));
        root.sceneProperty().addListener((obs, old, scene) -> updateShortcuts(old, scene));
        root.visibleProperty().addListener((obs, was, visible) -> updateShortcuts(root.getScene(), root.getScene()));
    }

    private void updateShortcuts(Scene from, Scene to) {
        if (from != null) {
            shortcuts.forEach(from.getAccelerators()::remove); // only ours: other sections use F5 too
        }
        if (to != null && root.isVisible()) {
            to.getAccelerators().putAll(shortcuts);
        }
    }

    private static void showWhenNotEmpty(Label label, ObservableStringValue text) {
        label.textProperty().bind(text);
        label.visibleProperty().bind(label.textProperty().isNotEmpty());
        label.managedProperty().bind(label.visibleProperty());
    }

    @FXML
    private void scan() {
        viewModel.scan();
    }

    @FXML
    private void cancelScan() {
        viewModel.cancelScan();
    }
}
