package com.storymimi.studio.ui.stories;

import com.storymimi.studio.model.StoryRow;
import com.storymimi.studio.model.StorySort;
import com.storymimi.studio.model.StoryStatus;
import com.storymimi.studio.model.User;
import com.storymimi.studio.ui.common.StagedAttach;
import com.storymimi.studio.ui.common.SectionViews;
import com.storymimi.studio.ui.common.Texts;
import com.storymimi.studio.ui.common.ViewLoader;
import com.storymimi.studio.ui.common.ViewTasks;
import com.storymimi.studio.ui.editor.StoryEditorView;
import com.storymimi.studio.ui.editor.StoryEditorViewModel;
import com.storymimi.studio.ui.player.FxSheetRenderer;
import com.storymimi.studio.ui.player.StoryboardSheets;
import com.storymimi.studio.ui.player.StoryboardView;
import javafx.collections.ListChangeListener;
import javafx.scene.control.SelectionMode;
import javafx.animation.PauseTransition;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.fxml.FXML;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.input.ContextMenuEvent;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.util.Duration;
import javafx.util.StringConverter;
import org.kordamp.ikonli.javafx.FontIcon;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Binds the Stories section: toolbar, chips, the new-story form and the table; swaps the table for the story
 * editor while one is open. Its shortcuts are on the scene only while the section is visible.
 */
public final class StoriesView {

    private static final KeyCombination FIND = new KeyCodeCombination(KeyCode.F, KeyCombination.SHORTCUT_DOWN);
    private static final KeyCombination NEW = new KeyCodeCombination(KeyCode.N, KeyCombination.SHORTCUT_DOWN);
    private static final KeyCombination REFRESH = new KeyCodeCombination(KeyCode.F5);
    private static final Duration PREPARE_AFTER = Duration.seconds(1);
    private static final Logger LOG = LoggerFactory.getLogger(StoriesView.class);

    private final StoriesViewModel viewModel;
    private final ViewLoader loader;
    private final Texts texts;
    private final ZoneId zone;
    private final ViewTasks tasks;
    private Optional<StoryboardSheets> sheets;
    private final DateTimeFormatter timeFormat;
    private final Map<KeyCombination, Runnable> shortcuts;
    private final Map<StoryStatus, ToggleButton> chips = new EnumMap<>(StoryStatus.class);
    private Node editorNode;
    private StoryEditorView editorView;
    private StagedAttach staging;
    private boolean preparing;

    @FXML private StackPane root;
    @FXML private VBox listPane;
    @FXML private TextField storySearch;
    @FXML private ComboBox<StorySort> sortBox;
    @FXML private ToggleGroup chipGroup;
    @FXML private ToggleButton allChip;
    @FXML private ToggleButton pendingChip;
    @FXML private ToggleButton generatingChip;
    @FXML private ToggleButton completedChip;
    @FXML private ToggleButton errorChip;
    @FXML private Button userFilterButton;
    @FXML private Label storiesPageLabel;
    @FXML private Button importStoriesButton;
    @FXML private Label bundleProgressLabel;
    @FXML private Button storiesPreviousButton;
    @FXML private Button storiesNextButton;
    @FXML private VBox newStoryPane;
    @FXML private TextField newTitleField;
    @FXML private ComboBox<User> newUserBox;
    @FXML private Label newTitleProblem;
    @FXML private TextArea newPromptArea;
    @FXML private TextArea newScenesArea;
    @FXML private Label newStoryError;
    @FXML private Button createButton;
    @FXML private Label storiesListError;
    @FXML private TableView<StoryRow> storiesTable;
    @FXML private TableColumn<StoryRow, String> titleColumn;
    @FXML private TableColumn<StoryRow, String> userColumn;
    @FXML private TableColumn<StoryRow, StoryStatus> statusColumn;
    @FXML private TableColumn<StoryRow, Integer> scenesColumn;
    @FXML private TableColumn<StoryRow, Instant> createdColumn;
    @FXML private TableColumn<StoryRow, Instant> updatedColumn;
    @FXML private Label storiesPlaceholder;
    @FXML private ProgressBar storiesBusyBar;

    public StoriesView(StoriesViewModel viewModel, ViewLoader loader, Texts texts, ZoneId zone, ViewTasks tasks) {
        this.viewModel = Objects.requireNonNull(viewModel, "viewModel");
        this.loader = Objects.requireNonNull(loader, "loader");
        this.texts = Objects.requireNonNull(texts, "texts");
        this.zone = Objects.requireNonNull(zone, "zone");
        this.tasks = Objects.requireNonNull(tasks, "tasks");
        this.timeFormat = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT)
                .withLocale(texts.locale()).withZone(zone);
        shortcuts = Map.of(FIND, this::focusSearch, NEW, this::newStory, REFRESH, this::refresh);
    }

    @FXML
    private void initialize() {
        bindToolbar();
        bindChips();
        bindNewStoryForm();
        bindTable();
        viewModel.editorProperty().addListener((obs, old, editor) -> showEditor(editor));
        showEditor(viewModel.editorProperty().get());
        root.sceneProperty().addListener((obs, old, scene) -> {
            updateShortcuts(old, scene);
            if (scene != null) {
                prepareEditor();
            }
        });
        root.visibleProperty().addListener((obs, was, visible) -> updateShortcuts(root.getScene(), root.getScene()));
    }

    private void bindToolbar() {
        storySearch.textProperty().bindBidirectional(viewModel.searchProperty());
        storySearch.addEventHandler(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.ESCAPE && !storySearch.getText().isEmpty()) {
                viewModel.clearSearch();
                e.consume();
            } else if (e.getCode() == KeyCode.DOWN) {
                storiesTable.requestFocus();
                storiesTable.getSelectionModel().selectFirst();
                e.consume();
            }
        });
        sortBox.getItems().setAll(StorySort.values());
        sortBox.setConverter(converter(sort -> texts.get("stories.sort." + sort.name()), ""));
        sortBox.valueProperty().bindBidirectional(viewModel.sortProperty());
        storiesPageLabel.textProperty().bind(viewModel.pageTextProperty());
        storiesPreviousButton.disableProperty().bind(viewModel.previousPageCommand().executableProperty().not());
        storiesNextButton.disableProperty().bind(viewModel.nextPageCommand().executableProperty().not());
        storiesBusyBar.visibleProperty().bind(viewModel.busyBinding());
        SectionViews.showWhenNotEmpty(storiesListError, viewModel.listErrorProperty());
        userFilterButton.textProperty().bind(Bindings.createStringBinding(() -> viewModel.userFilterProperty().get() == null
                ? "" : texts.get("stories.userFilter", viewModel.userFilterProperty().get().username()),
                viewModel.userFilterProperty()));
        userFilterButton.visibleProperty().bind(viewModel.userFilterProperty().isNotNull());
        userFilterButton.managedProperty().bind(userFilterButton.visibleProperty());
    }

    private void bindChips() {
        chips.put(StoryStatus.PENDING, pendingChip);
        chips.put(StoryStatus.GENERATING, generatingChip);
        chips.put(StoryStatus.COMPLETED, completedChip);
        chips.put(StoryStatus.ERROR, errorChip);
        allChip.textProperty().bind(viewModel.chips().allProperty());
        allChip.setAccessibleText(texts.get("stories.chip.all"));
        chips.forEach((status, chip) -> {
            chip.setUserData(status);
            chip.textProperty().bind(viewModel.chips().textProperty(status));
            chip.setAccessibleText(texts.get("story.status." + status.name()));
            chip.getStyleClass().add(StatusChipCell.STYLES.get(status));
        });
        chipGroup.selectedToggleProperty().addListener((obs, old, toggle) -> {
            if (toggle == null) {
                old.setSelected(true); // one chip is always chosen; clicking it again keeps it
            } else {
                viewModel.statusFilterProperty().set((StoryStatus) toggle.getUserData());
            }
        });
        viewModel.statusFilterProperty().addListener((obs, old, status) ->
                chipGroup.selectToggle(status == null ? allChip : chips.get(status)));
    }

    private void bindNewStoryForm() {
        NewStoryForm form = viewModel.newStoryForm();
        newStoryPane.visibleProperty().bind(form.openProperty());
        newStoryPane.managedProperty().bind(form.openProperty());
        newTitleField.textProperty().bindBidirectional(form.titleProperty());
        newPromptArea.textProperty().bindBidirectional(form.promptProperty());
        newScenesArea.textProperty().bindBidirectional(form.firstScenesProperty());
        newUserBox.setItems(form.users());
        newUserBox.setPromptText(texts.get("stories.new.user.none"));
        newUserBox.setConverter(converter(User::username, texts.get("stories.new.user.none")));
        newUserBox.setButtonCell(new ListCell<>() {
            @Override
            protected void updateItem(User user, boolean empty) {
                super.updateItem(user, empty);
                setText(empty || user == null ? texts.get("stories.new.user.none") : user.username());
            }
        });
        newUserBox.valueProperty().bindBidirectional(form.userProperty());
        SectionViews.showWhenNotEmpty(newTitleProblem, form.titleProblemProperty());
        SectionViews.showWhenNotEmpty(newStoryError, form.errorProperty());
        createButton.disableProperty().bind(viewModel.createCommand().runningProperty());
        newTitleField.setOnAction(e -> createStory());
        form.openProperty().addListener((obs, was, open) -> {
            if (open) {
                newTitleField.requestFocus();
            }
        });
    }

    private void bindTable() {
        storiesTable.setItems(viewModel.rows());
        titleColumn.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().story().title()));
        userColumn.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().username() == null
                ? texts.get("stories.noUser") : c.getValue().username()));
        statusColumn.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().story().status()));
        statusColumn.setCellFactory(column -> new StatusChipCell<>(texts));
        scenesColumn.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().sceneCount()));
        createdColumn.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().story().createdAt()));
        updatedColumn.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().story().updatedAt()));
        createdColumn.setCellFactory(column -> timeCell());
        updatedColumn.setCellFactory(column -> timeCell());
        storiesPlaceholder.textProperty().bind(viewModel.placeholderProperty());
        storiesTable.getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
        storiesTable.getSelectionModel().selectedItemProperty().addListener((obs, old, row) -> viewModel.select(row));
        storiesTable.getSelectionModel().getSelectedItems().addListener((ListChangeListener<StoryRow>) change ->
                viewModel.selectMany(List.copyOf(storiesTable.getSelectionModel().getSelectedItems())));
        viewModel.selectedProperty().addListener((obs, old, row) -> {
            if (row == null) {
                storiesTable.getSelectionModel().clearSelection();
            } else if (storiesTable.getSelectionModel().getSelectedItem() != row) {
                storiesTable.getSelectionModel().select(row);
                storiesTable.scrollTo(row);
            }
        });
        storiesTable.setRowFactory(view -> storyRow());
        bindContextMenu();
        bindBundles();
        storiesTable.addEventHandler(KeyEvent.KEY_PRESSED, event -> {
            if (event.getCode() == KeyCode.ENTER) {
                viewModel.open(storiesTable.getSelectionModel().getSelectedItem());
                event.consume();
            } else if (event.getCode() == KeyCode.DELETE) {
                if (viewModel.selection().size() > 1) {
                    viewModel.deleteSelection();
                } else {
                    viewModel.deleteCommand().execute();
                }
                event.consume();
            }
        });
    }

    private TableRow<StoryRow> storyRow() {
        TableRow<StoryRow> row = new TableRow<>();
        row.setOnMouseClicked(e -> {
            if (e.getButton() == MouseButton.PRIMARY && e.getClickCount() == 2 && !row.isEmpty()) {
                viewModel.open(row.getItem());
            }
        });
        return row;
    }

    /**
     * One menu for the whole table, filled for the selected story when it is asked for (right click, which
     * selects the row first, or the keyboard's menu key): a menu per row would build 50 popups on every page.
     */
    /** Import in the toolbar and the progress of an export or import, where the connection has bundles. */
    private void bindBundles() {
        importStoriesButton.setVisible(viewModel.bundles().isPresent());
        importStoriesButton.setManaged(viewModel.bundles().isPresent());
        viewModel.bundles().ifPresent(bundles -> {
            importStoriesButton.disableProperty().bind(bundles.runningProperty());
            bundleProgressLabel.textProperty().bind(bundles.progressProperty());
        });
    }

    @FXML
    private void importBundle() {
        viewModel.bundles().ifPresent(StoryBundles::importBundle);
    }

    private void bindContextMenu() {
        ContextMenu menu = new ContextMenu();
        storiesTable.setContextMenu(menu);
        storiesTable.addEventFilter(ContextMenuEvent.CONTEXT_MENU_REQUESTED, e -> {
            StoryRow story = storiesTable.getSelectionModel().getSelectedItem();
            if (story == null) {
                e.consume();
            } else if (viewModel.selection().size() > 1) {
                menu.getItems().setAll(bulkMenuItems(viewModel.selection().size()));
            } else {
                menu.getItems().setAll(menuItems(story));
            }
        });
    }

    private List<MenuItem> menuItems(StoryRow story) {
        MenuItem open = new MenuItem(texts.get("stories.open"), new FontIcon("mdi2p-pencil-outline"));
        open.setOnAction(e -> viewModel.open(story));
        Menu status = new Menu(texts.get("stories.menu.status"));
        for (StoryStatus candidate : StoryStatus.values()) {
            MenuItem item = new MenuItem(texts.get("story.status." + candidate.name()));
            item.setDisable(candidate == story.story().status());
            item.setOnAction(e -> viewModel.changeStatus(story, candidate));
            status.getItems().add(item);
        }
        MenuItem delete = new MenuItem(texts.get("stories.delete"), new FontIcon("mdi2d-delete-outline"));
        delete.setOnAction(e -> {
            viewModel.select(story);
            viewModel.deleteCommand().execute();
        });
        List<MenuItem> items = new java.util.ArrayList<>(List.of(open, status));
        viewModel.storyboards().ifPresent(storyboards -> {
            MenuItem play = new MenuItem(texts.get("stories.play"), new FontIcon("mdi2p-play-circle-outline"));
            play.setOnAction(e -> StoryboardView.open(storiesTable.getScene().getWindow(),
                    storyboards.play(story.story().storyId()), texts, tasks, loader));
            items.add(1, play);
        });
        sheets().ifPresent(sheets -> {
            MenuItem sheet = new MenuItem(texts.get("sheet.save"), new FontIcon("mdi2v-view-grid-outline"));
            sheet.setOnAction(e -> sheets.save(story.story().storyId(), story.story().title()));
            sheet.disableProperty().bind(sheets.runningProperty());
            items.add(2, sheet);
        });
        viewModel.bundles().ifPresent(bundles -> {
            MenuItem export = new MenuItem(texts.get("stories.bundle.export"), new FontIcon("mdi2p-package-down"));
            export.setOnAction(e -> bundles.export(List.of(story)));
            export.disableProperty().bind(bundles.runningProperty());
            MenuItem publish = new MenuItem(texts.get("stories.publish"), new FontIcon("mdi2c-cloud-upload-outline"));
            publish.setOnAction(e -> bundles.publish(List.of(story)));
            publish.disableProperty().bind(bundles.runningProperty());
            items.addAll(List.of(export, publish));
        });
        items.addAll(List.of(new SeparatorMenuItem(), delete));
        return items;
    }

    /** The storyboard sheets of this section, made on first use (one at a time for the whole section). */
    private Optional<StoryboardSheets> sheets() {
        if (sheets == null) {
            sheets = viewModel.sheets(new FxSheetRenderer(tasks, texts));
        }
        return sheets;
    }

    /** The menu for several selected stories: one status for all, or all to the trash, each after a summary. */
    private List<MenuItem> bulkMenuItems(int count) {
        Menu status = new Menu(texts.get("stories.bulk.menu.status", count));
        for (StoryStatus candidate : StoryStatus.values()) {
            MenuItem item = new MenuItem(texts.get("story.status." + candidate.name()));
            item.setOnAction(e -> viewModel.changeStatusOfSelection(candidate));
            status.getItems().add(item);
        }
        MenuItem delete = new MenuItem(texts.get("stories.bulk.menu.delete", count), new FontIcon("mdi2d-delete-outline"));
        delete.setOnAction(e -> viewModel.deleteSelection());
        List<MenuItem> items = new java.util.ArrayList<>(List.of(status));
        viewModel.bundles().ifPresent(bundles -> {
            MenuItem export = new MenuItem(texts.get("stories.bundle.exportMany", count), new FontIcon("mdi2p-package-down"));
            export.setOnAction(e -> viewModel.exportSelection(null));
            export.disableProperty().bind(bundles.runningProperty());
            MenuItem publish = new MenuItem(texts.get("stories.publishMany", count),
                    new FontIcon("mdi2c-cloud-upload-outline"));
            publish.setOnAction(e -> viewModel.publishSelection(null));
            publish.disableProperty().bind(bundles.runningProperty());
            items.addAll(List.of(export, publish));
        });
        items.addAll(List.of(new SeparatorMenuItem(), delete));
        return items;
    }

    private TableCell<StoryRow, Instant> timeCell() {
        return new TableCell<>() {
            @Override
            protected void updateItem(Instant time, boolean empty) {
                super.updateItem(time, empty);
                setText(empty || time == null ? null : timeFormat.format(time));
            }
        };
    }

    /**
     * Shows the editor over the list, or the list again. The editor's view is built once and kept, hidden while
     * the list shows: building it took longer than a frame. It is usually built already ({@link #prepareEditor}).
     */
    private void showEditor(StoryEditorViewModel editor) {
        if (editor != null) {
            if (editorView == null) {
                StoryEditorView view = new StoryEditorView(texts, tasks, loader);
                useEditor(view, loader.load(view));
                root.getChildren().add(editorNode);
            }
            if (staging != null) {
                staging.finish(); // opened before the prepared editor was all in: the rest goes in now
            }
            editorView.bind(editor);
        } else if (editorView != null) {
            editorView.unbind();
        }
        if (editorNode != null) {
            editorNode.setVisible(editor != null);
        }
        listPane.setVisible(editor == null);
        if (editor == null && root.getScene() != null) {
            storiesTable.requestFocus();
        }
        updateShortcuts(root.getScene(), root.getScene());
    }

    private void useEditor(StoryEditorView view, Node node) {
        editorView = view;
        editorNode = node;
        editorNode.setVisible(false);
    }

    /**
     * A while after the section is first on screen, loads the editor's FXML in the background and puts it into
     * the window hidden, a part per frame: the first story opened then shows at once instead of after a stall.
     */
    private void prepareEditor() {
        if (editorView != null || preparing) {
            return;
        }
        preparing = true;
        PauseTransition idle = new PauseTransition(PREPARE_AFTER);
        idle.setOnFinished(e -> {
            StoryEditorView view = new StoryEditorView(texts, tasks, loader);
            tasks.supply(() -> loader.load(view)).whenComplete((node, error) -> {
                if (error != null) {
                    LOG.warn("the story editor could not be prepared; it is built when a story is opened", error);
                } else if (editorView == null) { // else a story was opened meanwhile, with an editor of its own
                    useEditor(view, node);
                    staging = StagedAttach.start(view.heavyParts(), () -> root.getChildren().add(node));
                }
            });
        });
        idle.play();
    }

    private void updateShortcuts(Scene from, Scene to) {
        if (from != null) {
            // Only ours: another section may have registered the same keys.
            shortcuts.forEach(from.getAccelerators()::remove);
        }
        if (to != null && root.isVisible()) {
            to.getAccelerators().putAll(shortcuts);
        }
        if (editorView != null) {
            editorView.updateShortcuts(from, root.isVisible() && editorNode.isVisible() ? to : null);
        }
    }

    private static <T> StringConverter<T> converter(java.util.function.Function<T, String> name, String none) {
        return new StringConverter<>() {
            @Override
            public String toString(T value) {
                return value == null ? none : name.apply(value);
            }

            @Override
            public T fromString(String text) {
                throw new UnsupportedOperationException("not editable");
            }
        };
    }

    private void focusSearch() {
        if (viewModel.editorProperty().get() != null) {
            viewModel.closeEditor();
        }
        storySearch.requestFocus();
        storySearch.selectAll();
    }

    @FXML
    private void newStory() {
        if (viewModel.editorProperty().get() != null) {
            viewModel.closeEditor();
        }
        viewModel.openNewStoryForm();
    }

    @FXML
    private void createStory() {
        viewModel.createOrExplain();
    }

    @FXML
    private void cancelNewStory() {
        viewModel.cancelNewStory();
    }

    @FXML
    private void refresh() {
        viewModel.refresh();
    }

    @FXML
    private void clearUserFilter() {
        viewModel.clearUserFilter();
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
