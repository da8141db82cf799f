package com.storymimi.studio.ui.history;

import com.storymimi.studio.model.Revision;
import com.storymimi.studio.ui.common.Texts;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.TextArea;
import javafx.scene.layout.VBox;

import java.util.Objects;

/** Binds the history window to its view model: the list of saved changes, the two sides, Restore. */
public final class RevisionHistoryView {

    private final RevisionHistoryViewModel viewModel;
    private final Texts texts;

    @FXML private VBox root;
    @FXML private ListView<Revision> revisionList;
    @FXML private TextArea beforeArea;
    @FXML private TextArea afterArea;
    @FXML private Label messageLabel;
    @FXML private Button restoreButton;

    public RevisionHistoryView(RevisionHistoryViewModel viewModel, Texts texts) {
        this.viewModel = Objects.requireNonNull(viewModel, "viewModel");
        this.texts = Objects.requireNonNull(texts, "texts");
    }

    @FXML
    private void initialize() {
        revisionList.setItems(viewModel.rows());
        revisionList.setPlaceholder(new Label(texts.get("history.empty")));
        revisionList.setCellFactory(list -> new ListCell<>() {
            @Override
            protected void updateItem(Revision revision, boolean empty) {
                super.updateItem(revision, empty);
                if (empty || revision == null) {
                    setText(null);
                    setGraphic(null);
                    return;
                }
                Label summary = new Label(viewModel.summary(revision));
                summary.getStyleClass().add("text-bold");
                Label byline = new Label(viewModel.byline(revision));
                byline.getStyleClass().add("text-muted");
                setText(null);
                setPrefWidth(0); // the cell fits the list; long summaries end in an ellipsis, no sideways scrolling
                setGraphic(new VBox(2, summary, byline));
                setAccessibleText(viewModel.summary(revision) + ", " + viewModel.byline(revision));
            }
        });
        revisionList.getSelectionModel().selectedItemProperty().addListener((obs, old, revision) -> {
            if (revision != null) {
                viewModel.select(revision);
            }
        });
        viewModel.selectedProperty().addListener((obs, old, revision) -> {
            if (revision != null && revisionList.getSelectionModel().getSelectedItem() != revision) {
                revisionList.getSelectionModel().select(revision);
            }
        });
        beforeArea.textProperty().bind(viewModel.beforeProperty());
        afterArea.textProperty().bind(viewModel.afterProperty());
        restoreButton.disableProperty().bind(viewModel.restoreCommand().executableProperty().not());
        messageLabel.textProperty().bind(viewModel.messageProperty());
    }

    @FXML
    private void restore() {
        viewModel.restoreCommand().execute();
    }
}
