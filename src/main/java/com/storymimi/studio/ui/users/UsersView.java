package com.storymimi.studio.ui.users;

import com.storymimi.studio.model.User;
import com.storymimi.studio.ui.common.SectionViews;
import com.storymimi.studio.ui.common.Texts;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Map;
import java.util.Objects;

/** Binds the Users section to its view model; keyboard shortcuts live on the scene while the view is shown. */
public final class UsersView {

    private static final KeyCombination NEW = new KeyCodeCombination(KeyCode.N, KeyCombination.SHORTCUT_DOWN);
    private static final KeyCombination SAVE = new KeyCodeCombination(KeyCode.S, KeyCombination.SHORTCUT_DOWN);
    private static final KeyCombination REFRESH = new KeyCodeCombination(KeyCode.F5);
    private static final KeyCombination PREVIOUS = new KeyCodeCombination(KeyCode.LEFT, KeyCombination.ALT_DOWN);
    private static final KeyCombination NEXT = new KeyCodeCombination(KeyCode.RIGHT, KeyCombination.ALT_DOWN);

    private final UsersViewModel viewModel;
    private final Texts texts;
    private final DateTimeFormatter createdFormat;
    private final Map<KeyCombination, Runnable> shortcuts = Map.of(
            NEW, this::newUser,
            SAVE, this::save,
            REFRESH, this::refresh,
            PREVIOUS, this::previousPage,
            NEXT, this::nextPage);

    @FXML private TableView<User> table;
    @FXML private TableColumn<User, String> usernameColumn;
    @FXML private TableColumn<User, String> emailColumn;
    @FXML private TableColumn<User, Instant> createdColumn;
    @FXML private Label placeholder;
    @FXML private Label listError;
    @FXML private Label pageLabel;
    @FXML private Button previousButton;
    @FXML private Button nextButton;
    @FXML private Button refreshButton;
    @FXML private ProgressBar busyBar;
    @FXML private Label formTitle;
    @FXML private TextField usernameField;
    @FXML private TextField emailField;
    @FXML private Label usernameProblem;
    @FXML private Label emailProblem;
    @FXML private Label formError;
    @FXML private Button saveButton;
    @FXML private Button deleteButton;
    @FXML private Button showStoriesButton;
    @FXML private javafx.scene.layout.BorderPane root;

    public UsersView(UsersViewModel viewModel, Texts texts, ZoneId zone) {
        this.viewModel = Objects.requireNonNull(viewModel, "viewModel");
        this.texts = Objects.requireNonNull(texts, "texts");
        this.createdFormat = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT)
                .withLocale(texts.locale()).withZone(zone);
    }

    @FXML
    private void initialize() {
        bindTable();
        bindForm();
        pageLabel.textProperty().bind(viewModel.pageTextProperty());
        previousButton.disableProperty().bind(viewModel.previousPageCommand().executableProperty().not());
        nextButton.disableProperty().bind(viewModel.nextPageCommand().executableProperty().not());
        busyBar.visibleProperty().bind(viewModel.busyBinding());
        SectionViews.showWhenNotEmpty(listError, viewModel.listErrorProperty());
        SectionViews.shortcutsWhileShown(root, shortcuts); // only while shown: sections share keys
    }

    private void bindTable() {
        table.setItems(viewModel.rows());
        usernameColumn.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().username()));
        emailColumn.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().email()));
        createdColumn.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().createdAt()));
        createdColumn.setCellFactory(column -> new TableCell<>() {
            @Override
            protected void updateItem(Instant created, boolean empty) {
                super.updateItem(created, empty);
                setText(empty || created == null ? null : createdFormat.format(created));
            }
        });
        placeholder.textProperty().bind(Bindings.when(viewModel.loadCommand().runningProperty())
                .then(texts.get("users.loading"))
                .otherwise(Bindings.when(viewModel.emptyProperty()).then(texts.get("users.empty")).otherwise("")));
        // A cleared table selection (reload) is not a request for a new user; only New is.
        table.getSelectionModel().selectedItemProperty().addListener((obs, old, user) -> viewModel.select(user));
        viewModel.selectedProperty().addListener((obs, old, user) -> {
            if (user == null) {
                table.getSelectionModel().clearSelection();
            } else {
                table.getSelectionModel().select(user);
            }
        });
        table.addEventHandler(KeyEvent.KEY_PRESSED, event -> {
            if (event.getCode() == KeyCode.DELETE) {
                viewModel.deleteCommand().execute();
                event.consume();
            }
        });
    }

    private void bindForm() {
        formTitle.textProperty().bind(viewModel.formTitleProperty());
        usernameField.textProperty().bindBidirectional(viewModel.usernameProperty());
        emailField.textProperty().bindBidirectional(viewModel.emailProperty());
        SectionViews.showWhenNotEmpty(usernameProblem, viewModel.usernameProblemProperty());
        SectionViews.showWhenNotEmpty(emailProblem, viewModel.emailProblemProperty());
        SectionViews.showWhenNotEmpty(formError, viewModel.formErrorProperty());
        viewModel.usernameProblemProperty().addListener((obs, old, problem) -> markInvalid(usernameField, problem));
        viewModel.emailProblemProperty().addListener((obs, old, problem) -> markInvalid(emailField, problem));
        saveButton.disableProperty().bind(viewModel.saveCommand().executableProperty().not());
        deleteButton.disableProperty().bind(viewModel.deleteCommand().executableProperty().not());
        showStoriesButton.disableProperty().bind(viewModel.selectedProperty().isNull());
    }

    private static void markInvalid(TextField field, String problem) {
        // AtlantaFX paints a text field red with the :danger pseudo class.
        field.pseudoClassStateChanged(javafx.css.PseudoClass.getPseudoClass("danger"), !problem.isEmpty());
    }

    @FXML
    private void newUser() {
        viewModel.newUser();
        usernameField.requestFocus();
    }

    @FXML
    private void save() {
        viewModel.saveOrExplain();
    }

    @FXML
    private void delete() {
        viewModel.deleteCommand().execute();
    }

    @FXML
    private void showStories() {
        viewModel.showStories();
    }

    @FXML
    private void refresh() {
        viewModel.refresh();
    }

    @FXML
    private void previousPage() {
        viewModel.previousPageCommand().execute();
    }

    @FXML
    private void nextPage() {
        viewModel.nextPageCommand().execute();
    }
}
