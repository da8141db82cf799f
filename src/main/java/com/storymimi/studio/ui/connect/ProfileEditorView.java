package com.storymimi.studio.ui.connect;

import com.storymimi.studio.model.ConnectionProfile;
import com.storymimi.studio.model.ConnectionProfile.Kind;
import com.storymimi.studio.ui.common.Texts;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TextField;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;

import java.util.Objects;

/** Binds the profile editor's controls to its view model and forwards the buttons. */
public final class ProfileEditorView {

    private final ProfileEditorViewModel viewModel;
    private final Texts texts;

    @FXML private ListView<ConnectionProfile> profileList;
    @FXML private TextField nameField;
    @FXML private ComboBox<Kind> kindBox;
    @FXML private VBox remoteFields;
    @FXML private Label sandboxNote;
    @FXML private TextField urlField;
    @FXML private PasswordField keyField;
    @FXML private Label nameProblem;
    @FXML private Label urlProblem;
    @FXML private Label keyProblem;
    @FXML private Label messageLabel;
    @FXML private Button saveButton;
    @FXML private Button removeButton;

    public ProfileEditorView(ProfileEditorViewModel viewModel, Texts texts) {
        this.viewModel = Objects.requireNonNull(viewModel, "viewModel");
        this.texts = Objects.requireNonNull(texts, "texts");
    }

    @FXML
    private void initialize() {
        profileList.setItems(viewModel.profiles());
        profileList.setCellFactory(list -> new ListCell<>() {
            @Override
            protected void updateItem(ConnectionProfile item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? null : item.name());
            }
        });
        profileList.getSelectionModel().selectedItemProperty().addListener((obs, old, item) -> viewModel.select(item));
        viewModel.selectedProperty().addListener((obs, old, profile) -> {
            if (profile == null) {
                profileList.getSelectionModel().clearSelection();
            } else {
                profileList.getSelectionModel().select(profile);
            }
        });

        nameField.textProperty().bindBidirectional(viewModel.nameProperty());
        urlField.textProperty().bindBidirectional(viewModel.urlProperty());
        keyField.textProperty().bindBidirectional(viewModel.anonKeyProperty());
        kindBox.getItems().setAll(Kind.values());
        kindBox.setConverter(new StringConverter<>() {
            @Override
            public String toString(Kind kind) {
                return kind == null ? "" : texts.get("profiles.kind." + kind.name());
            }

            @Override
            public Kind fromString(String text) {
                return null;
            }
        });
        kindBox.valueProperty().bindBidirectional(viewModel.kindProperty());
        kindBox.disableProperty().bind(viewModel.kindLockedBinding());

        remoteFields.visibleProperty().bind(viewModel.sandboxBinding().not());
        remoteFields.managedProperty().bind(remoteFields.visibleProperty());
        sandboxNote.visibleProperty().bind(viewModel.sandboxBinding());
        sandboxNote.managedProperty().bind(sandboxNote.visibleProperty());

        bindProblem(nameProblem, viewModel.nameProblemProperty());
        bindProblem(urlProblem, viewModel.urlProblemProperty());
        bindProblem(keyProblem, viewModel.keyProblemProperty());
        bindProblem(messageLabel, viewModel.messageProperty());

        saveButton.disableProperty().bind(viewModel.saveCommand().executableProperty().not());
        removeButton.disableProperty().bind(viewModel.removeCommand().executableProperty().not());
        viewModel.start();
    }

    private static void bindProblem(Label label, javafx.beans.value.ObservableStringValue text) {
        label.textProperty().bind(text);
        label.visibleProperty().bind(label.textProperty().isNotEmpty());
        label.managedProperty().bind(label.visibleProperty());
    }

    @FXML
    private void newProfile() {
        viewModel.newProfile();
        nameField.requestFocus();
    }

    @FXML
    private void save() {
        viewModel.saveCommand().execute();
    }

    @FXML
    private void remove() {
        viewModel.removeCommand().execute();
    }
}
