package com.storymimi.studio.ui.integrity;

import com.storymimi.studio.ui.common.SectionViews;
import com.storymimi.studio.ui.common.Texts;
import javafx.fxml.FXML;
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
        SectionViews.showWhenNotEmpty(noticeLabel, viewModel.noticeProperty());
        SectionViews.showWhenNotEmpty(summaryLabel, viewModel.summaryProperty());
        Label placeholder = new Label();
        placeholder.getStyleClass().add("state-text");
        placeholder.setWrapText(true);
        placeholder.textProperty().bind(viewModel.emptyTextProperty());
        findingsList.setPlaceholder(placeholder);
        findingsList.setItems(viewModel.rows());
        findingsList.setCellFactory(list -> new IntegrityRowCell(viewModel, texts));
        SectionViews.shortcutsWhileShown(root, shortcuts); // only while shown: sections share keys
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
