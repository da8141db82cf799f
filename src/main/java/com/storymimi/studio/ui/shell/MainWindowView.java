package com.storymimi.studio.ui.shell;

import com.storymimi.studio.model.ConnectionProfile;
import com.storymimi.studio.ui.common.Texts;
import com.storymimi.studio.ui.common.ViewTasks;
import com.storymimi.studio.ui.common.ViewLoader;
import com.storymimi.studio.ui.connect.ProfileEditorDialog;
import com.storymimi.studio.ui.integrity.IntegrityView;
import com.storymimi.studio.ui.palette.CommandPaletteView;
import com.storymimi.studio.ui.palette.CommandPaletteViewModel;
import com.storymimi.studio.ui.shell.MainWindowViewModel.ConnectionState;
import com.storymimi.studio.ui.storage.StorageView;
import com.storymimi.studio.ui.stories.StoriesView;
import com.storymimi.studio.ui.trash.TrashView;
import com.storymimi.studio.ui.undo.UndoHistory;
import com.storymimi.studio.ui.users.UsersView;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.css.PseudoClass;
import javafx.fxml.FXML;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.RadioMenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.TextField;
import javafx.scene.control.Toggle;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.HBox;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;

import java.time.ZoneId;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/** The window's frame: sidebar, search bar, content area and status bar, bound to {@link MainWindowViewModel}. */
public final class MainWindowView {

    private static final PseudoClass HEALTHY = PseudoClass.getPseudoClass("healthy");
    private static final PseudoClass OFFLINE = PseudoClass.getPseudoClass("offline");
    private final MainWindowViewModel viewModel;
    private final ViewLoader loader;
    private final Texts texts;
    private final ProfileEditorDialog profileEditor;
    private final ZoneId zone;
    private final ViewTasks tasks;
    private final Map<Section, ToggleButton> sectionButtons = new EnumMap<>(Section.class);
    private final Map<Section, Node> sectionViews = new EnumMap<>(Section.class);

    @FXML private ToggleGroup sections;
    @FXML private ToggleButton usersButton;
    @FXML private ToggleButton storiesButton;
    @FXML private ToggleButton storageButton;
    @FXML private ToggleButton integrityButton;
    @FXML private ToggleButton trashButton;
    @FXML private Button undoButton;
    @FXML private Button redoButton;
    @FXML private Tooltip undoTooltip;
    @FXML private Tooltip redoTooltip;
    @FXML private Label undoMessage;
    @FXML private MenuButton profileMenu;
    @FXML private TextField searchField;
    @FXML private StackPane contentHost;
    @FXML private VBox connectingPane;
    @FXML private Label connectingLabel;
    @FXML private VBox failedPane;
    @FXML private Label failedTitle;
    @FXML private Label failedLabel;
    @FXML private Button retryButton;
    @FXML private Label healthDot;
    @FXML private Label statusLabel;
    @FXML private ToggleButton themeToggle;
    @FXML private FontIcon themeIcon;
    @FXML private HBox backgroundWorkSlot;
    private CommandPaletteViewModel palette;

    public MainWindowView(MainWindowViewModel viewModel, ViewLoader loader, Texts texts,
                          ProfileEditorDialog profileEditor, ZoneId zone, ViewTasks tasks) {
        this.viewModel = Objects.requireNonNull(viewModel, "viewModel");
        this.loader = Objects.requireNonNull(loader, "loader");
        this.texts = Objects.requireNonNull(texts, "texts");
        this.profileEditor = Objects.requireNonNull(profileEditor, "profileEditor");
        this.zone = Objects.requireNonNull(zone, "zone");
        this.tasks = Objects.requireNonNull(tasks, "tasks");
    }

    @FXML
    private void initialize() {
        bindSections();
        bindContent();
        bindStatusBar();
        bindProfileMenu();
        bindUndo();
        searchField.setEditable(false);
        contentHost.sceneProperty().addListener((obs, old, scene) -> installShortcuts(scene));
    }

    /** Puts the background-work indicator (uploads) into the status bar; call after the view is loaded. */
    public void showBackgroundWork(Node indicator) {
        backgroundWorkSlot.getChildren().setAll(indicator);
    }

    private void bindSections() {
        sectionButtons.put(Section.USERS, usersButton);
        sectionButtons.put(Section.STORIES, storiesButton);
        sectionButtons.put(Section.STORAGE, storageButton);
        sectionButtons.put(Section.INTEGRITY, integrityButton);
        sectionButtons.put(Section.TRASH, trashButton);
        sectionButtons.forEach((section, button) -> {
            button.setUserData(section);
            String shortcut = texts.get("section.tooltip", button.getText(), "Ctrl+" + (section.ordinal() + 1));
            button.setTooltip(new Tooltip(shortcut));
        });
        sections.selectedToggleProperty().addListener((obs, old, toggle) -> {
            if (toggle == null) {
                old.setSelected(true); // a section is always shown; clicking the current one keeps it
            } else {
                viewModel.sectionProperty().set((Section) toggle.getUserData());
            }
        });
        viewModel.sectionProperty().addListener((obs, old, section) -> showSection(section));
        showSection(viewModel.sectionProperty().get());
    }

    private void bindContent() {
        connectingLabel.textProperty().bind(viewModel.connectionMessageProperty());
        failedLabel.textProperty().bind(viewModel.connectionMessageProperty());
        failedTitle.textProperty().bind(Bindings.createStringBinding(() -> viewModel.activeProfileProperty().get() == null
                ? "" : texts.get("connect.failedTitle", viewModel.activeProfileProperty().get().name()),
                viewModel.activeProfileProperty()));
        viewModel.connectionStateProperty().addListener((obs, old, state) -> updateContent());
        bindSectionView(Section.USERS, viewModel.usersProperty(), users -> new UsersView(users, texts, zone));
        bindSectionView(Section.STORIES, viewModel.storiesProperty(),
                stories -> new StoriesView(stories, loader, texts, zone, tasks));
        bindSectionView(Section.STORAGE, viewModel.storageProperty(),
                storage -> new StorageView(storage, texts, zone, tasks));
        bindSectionView(Section.INTEGRITY, viewModel.integrityProperty(),
                integrity -> new IntegrityView(integrity, texts));
        bindSectionView(Section.TRASH, viewModel.trashProperty(), trash -> new TrashView(trash, texts, zone));
    }

    /** Each section's view is built when its view model appears (a new connection, a first show) and replaced with it. */
    private <M> void bindSectionView(Section section, ReadOnlyObjectProperty<M> sectionViewModel,
                                     Function<M, Object> view) {
        sectionViewModel.addListener((obs, old, model) -> replaceSectionView(section, model, view));
        replaceSectionView(section, sectionViewModel.get(), view);
    }

    private <M> void replaceSectionView(Section section, M model, Function<M, Object> view) {
        Node old = sectionViews.remove(section);
        if (old != null) {
            old.setVisible(false); // lets the view take its shortcuts off the scene
            contentHost.getChildren().remove(old);
        }
        if (model != null) {
            Node node = loader.load(view.apply(model));
            node.setVisible(false);
            contentHost.getChildren().add(node);
            sectionViews.put(section, node);
        }
        updateContent();
    }

    private void showSection(Section section) {
        Toggle button = sectionButtons.get(section);
        if (sections.getSelectedToggle() != button) {
            sections.selectToggle(button);
        }
        updateContent();
    }

    /** Exactly one layer of the content area is visible: the section, or the connection's state. */
    private void updateContent() {
        Section section = viewModel.sectionProperty().get();
        ConnectionState state = viewModel.connectionStateProperty().get();
        connectingPane.setVisible(state == ConnectionState.CONNECTING);
        failedPane.setVisible(state == ConnectionState.FAILED);
        sectionViews.forEach((shown, view) -> view.setVisible(shown == section && state == ConnectionState.CONNECTED));
    }

    private void bindStatusBar() {
        statusLabel.textProperty().bind(viewModel.statusTextProperty());
        viewModel.healthProperty().addListener((obs, old, health) -> showHealth(health));
        showHealth(viewModel.healthProperty().get());
        themeToggle.setSelected(viewModel.themeProperty().get() == Theme.DARK);
        themeToggle.selectedProperty().addListener((obs, old, dark) ->
                viewModel.themeProperty().set(dark ? Theme.DARK : Theme.LIGHT));
        viewModel.themeProperty().addListener((obs, old, theme) -> showTheme(theme));
        showTheme(viewModel.themeProperty().get());
    }

    private void showHealth(MainWindowViewModel.HealthState health) {
        healthDot.pseudoClassStateChanged(HEALTHY, health == MainWindowViewModel.HealthState.HEALTHY);
        healthDot.pseudoClassStateChanged(OFFLINE, health == MainWindowViewModel.HealthState.OFFLINE);
        statusLabel.pseudoClassStateChanged(OFFLINE, health == MainWindowViewModel.HealthState.OFFLINE);
    }

    private void showTheme(Theme theme) {
        themeToggle.setSelected(theme == Theme.DARK);
        themeIcon.setIconLiteral(theme == Theme.DARK ? "mdi2w-weather-sunny" : "mdi2w-weather-night");
    }

    /** The top bar's Undo and Redo name the edit they take back; the outcome shows beside them. */
    private void bindUndo() {
        UndoHistory history = viewModel.undoHistory();
        undoButton.disableProperty().bind(history.canUndoProperty().not());
        redoButton.disableProperty().bind(history.canRedoProperty().not());
        undoTooltip.textProperty().bind(history.undoLabelProperty());
        redoTooltip.textProperty().bind(history.redoLabelProperty());
        undoButton.accessibleTextProperty().bind(history.undoLabelProperty());
        redoButton.accessibleTextProperty().bind(history.redoLabelProperty());
        undoMessage.textProperty().bind(history.messageProperty());
    }

    @FXML
    private void undo() {
        viewModel.undo();
    }

    @FXML
    private void redo() {
        viewModel.redo();
    }

    private void bindProfileMenu() {
        profileMenu.textProperty().bind(Bindings.createStringBinding(() -> viewModel.activeProfileProperty().get() == null
                ? "" : viewModel.activeProfileProperty().get().name(), viewModel.activeProfileProperty()));
        viewModel.profiles().addListener((javafx.collections.ListChangeListener<ConnectionProfile>) c -> rebuildProfileMenu());
        viewModel.activeProfileProperty().addListener((obs, old, profile) -> rebuildProfileMenu());
        rebuildProfileMenu();
    }

    private void rebuildProfileMenu() {
        profileMenu.getItems().clear();
        ToggleGroup group = new ToggleGroup();
        ConnectionProfile active = viewModel.activeProfileProperty().get();
        for (ConnectionProfile profile : viewModel.profiles()) {
            RadioMenuItem item = new RadioMenuItem(profile.name());
            item.setToggleGroup(group);
            item.setSelected(active != null && active.id().equals(profile.id()));
            item.setOnAction(e -> viewModel.switchTo(profile));
            profileMenu.getItems().add(item);
        }
        MenuItem edit = new MenuItem(texts.get("profile.menu.edit"), new FontIcon("mdi2p-pencil-outline"));
        edit.setOnAction(e -> openProfileEditor());
        if (!profileMenu.getItems().isEmpty()) {
            profileMenu.getItems().add(new SeparatorMenuItem());
        }
        profileMenu.getItems().add(edit);
    }

    private void openProfileEditor() {
        profileEditor.show(contentHost.getScene().getWindow(), viewModel::profilesEdited);
    }

    private void installShortcuts(Scene scene) {
        if (scene == null) {
            return;
        }
        for (Section section : Section.values()) {
            KeyCode digit = KeyCode.getKeyCode(String.valueOf(section.ordinal() + 1));
            scene.getAccelerators().put(new KeyCodeCombination(digit, KeyCombination.SHORTCUT_DOWN),
                    () -> viewModel.sectionProperty().set(section));
        }
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.K, KeyCombination.SHORTCUT_DOWN),
                this::openPalette);
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.L, KeyCombination.SHORTCUT_DOWN,
                KeyCombination.SHIFT_DOWN), viewModel::toggleTheme);
        // A text field takes Ctrl+Z for its own typing first; anywhere else it undoes the last saved edit.
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.Z, KeyCombination.SHORTCUT_DOWN), viewModel::undo);
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.Z, KeyCombination.SHORTCUT_DOWN,
                KeyCombination.SHIFT_DOWN), viewModel::redo);
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.Y, KeyCombination.SHORTCUT_DOWN), viewModel::redo);
    }

    /**
     * Puts the command palette over the content area: Ctrl+K and the top search field open it; it lists the
     * window's commands ({@link ShellActions}). Call once, after the view is loaded.
     */
    public void usePalette(CommandPaletteViewModel paletteModel) {
        palette = paletteModel;
        palette.setActions(ShellActions.of(viewModel, texts, this::openProfileEditor));
        contentHost.getChildren().add(new CommandPaletteView(palette, texts).node());
        searchField.focusedProperty().addListener((obs, was, focused) -> {
            if (focused) {
                openPalette();
            }
        });
        searchField.setOnMouseClicked(event -> openPalette());
        palette.openProperty().addListener((obs, was, open) -> {
            if (!open) {
                contentHost.requestFocus(); // not the search field, which would open the palette again
            }
        });
    }

    private void openPalette() {
        if (palette == null) {
            searchField.requestFocus();
        } else if (!palette.openProperty().get()) {
            palette.open();
        }
    }

    @FXML
    private void retry() {
        viewModel.retry();
    }
}
