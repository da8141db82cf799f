package com.storymimi.studio.ui.storage;

import com.storymimi.studio.model.StorageBucket;
import com.storymimi.studio.model.StorageEntry;
import com.storymimi.studio.ui.common.Texts;
import com.storymimi.studio.ui.common.ViewTasks;
import com.storymimi.studio.ui.editor.NarrationPlayer;
import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.fxml.FXML;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.Slider;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.scene.input.DragEvent;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseButton;
import javafx.scene.input.TransferMode;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.beans.property.ReadOnlyObjectWrapper;
import org.kordamp.ikonli.javafx.FontIcon;

import java.io.File;
import java.nio.file.Path;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/** The Storage section's view: buckets, breadcrumb, the paged file list, the preview and the actions. */
public final class StorageView {

    private final StorageViewModel viewModel;
    private final Texts texts;
    private final ViewTasks tasks;
    private final DateTimeFormatter dateFormat;
    private final Map<KeyCombination, Runnable> shortcuts = new LinkedHashMap<>();
    private NarrationPlayer player;
    private boolean syncingSelection;

    @FXML private BorderPane root;
    @FXML private ListView<StorageBucket> bucketList;
    @FXML private HBox breadcrumbBar;
    @FXML private Button upButton;
    @FXML private Button copyPublicButton;
    @FXML private Button copySignedButton;
    @FXML private Button downloadButton;
    @FXML private Button deleteButton;
    @FXML private Button uploadButton;
    @FXML private VBox uploadBar;
    @FXML private Label uploadLabel;
    @FXML private ProgressBar uploadProgress;
    @FXML private TableView<StorageEntry> entryTable;
    @FXML private TableColumn<StorageEntry, StorageEntry> nameColumn;
    @FXML private TableColumn<StorageEntry, String> sizeColumn;
    @FXML private TableColumn<StorageEntry, String> typeColumn;
    @FXML private TableColumn<StorageEntry, String> updatedColumn;
    @FXML private Label pageLabel;
    @FXML private Button previousButton;
    @FXML private Button nextButton;
    @FXML private Label previewTitle;
    @FXML private Label previewDetails;
    @FXML private StackPane imageBox;
    @FXML private ImageView previewImage;
    @FXML private HBox playerBar;
    @FXML private Button playButton;
    @FXML private FontIcon playIcon;
    @FXML private Slider seekSlider;
    @FXML private Label timeLabel;
    @FXML private Label playerProblem;
    @FXML private Label previewHint;

    public StorageView(StorageViewModel viewModel, Texts texts, ZoneId zone, ViewTasks tasks) {
        this.viewModel = Objects.requireNonNull(viewModel, "viewModel");
        this.tasks = Objects.requireNonNull(tasks, "tasks");
        this.texts = Objects.requireNonNull(texts, "texts");
        this.dateFormat = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT)
                .withLocale(texts.locale()).withZone(zone);
    }

    @FXML
    private void initialize() {
        bindBuckets();
        bindBreadcrumb();
        bindTable();
        bindActions();
        bindPreview();
        installShortcuts();
        root.sceneProperty().addListener((obs, old, scene) -> updateShortcuts(old, scene));
        root.visibleProperty().addListener((obs, was, visible) -> {
            updateShortcuts(root.getScene(), root.getScene());
            if (!visible && player != null) {
                player.load(null); // leaving the section stops the sound
            }
        });
    }

    private void bindBuckets() {
        bucketList.setItems(viewModel.buckets());
        bucketList.setCellFactory(list -> new ListCell<>() {
            @Override
            protected void updateItem(StorageBucket bucket, boolean empty) {
                super.updateItem(bucket, empty);
                setText(empty || bucket == null ? null : bucket.id());
                setGraphic(empty || bucket == null ? null
                        : new FontIcon(bucket.isPublic() ? "mdi2b-bucket-outline" : "mdi2l-lock-outline"));
            }
        });
        bucketList.getSelectionModel().selectedItemProperty().addListener((obs, old, bucket) -> {
            if (bucket != null && !bucket.equals(viewModel.bucketProperty().get())) {
                viewModel.bucketProperty().set(bucket);
            }
        });
        viewModel.bucketProperty().addListener((obs, old, bucket) -> bucketList.getSelectionModel().select(bucket));
    }

    private void bindBreadcrumb() {
        viewModel.breadcrumb().addListener((ListChangeListener<FolderCrumb>) change -> showBreadcrumb());
        showBreadcrumb();
        upButton.disableProperty().bind(viewModel.folderProperty().isEmpty());
    }

    private void showBreadcrumb() {
        breadcrumbBar.getChildren().clear();
        List<FolderCrumb> crumbs = viewModel.breadcrumb();
        for (int i = 0; i < crumbs.size(); i++) {
            FolderCrumb crumb = crumbs.get(i);
            if (i > 0) {
                breadcrumbBar.getChildren().add(new Label("›"));
            }
            Button button = new Button(crumb.label());
            button.getStyleClass().addAll("flat", "breadcrumb");
            button.setAccessibleText(crumb.label());
            button.setDisable(i == crumbs.size() - 1);
            if (i < crumbs.size() - 1) {
                button.setMinWidth(Region.USE_PREF_SIZE); // only the current folder's name may shorten
            }
            button.setOnAction(e -> viewModel.openFolder(crumb.folder()));
            breadcrumbBar.getChildren().add(button);
        }
    }

    private void bindTable() {
        entryTable.setItems(viewModel.entries());
        entryTable.getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
        nameColumn.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(cell.getValue()));
        // Names (UUID folders) get the room the other, fixed-width columns leave.
        nameColumn.prefWidthProperty().bind(Bindings.max(200, entryTable.widthProperty()
                .subtract(sizeColumn.widthProperty()).subtract(typeColumn.widthProperty())
                .subtract(updatedColumn.widthProperty()).subtract(18)));
        nameColumn.setCellFactory(column -> new EntryNameCell(viewModel::thumbnailUrl));
        sizeColumn.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(
                cell.getValue().folder() ? "" : humanSize(cell.getValue().size())));
        typeColumn.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(cell.getValue().folder()
                ? texts.get("storage.folder.type") : Objects.requireNonNullElse(cell.getValue().contentType(), "")));
        updatedColumn.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(cell.getValue().updated() == null
                ? "" : dateFormat.format(cell.getValue().updated())));
        Label placeholder = new Label();
        placeholder.textProperty().bind(viewModel.placeholderProperty());
        placeholder.getStyleClass().add("state-text");
        placeholder.setWrapText(true);
        entryTable.setPlaceholder(placeholder);
        entryTable.getSelectionModel().getSelectedItems().addListener((ListChangeListener<StorageEntry>) c -> {
            if (!syncingSelection) {
                viewModel.select(List.copyOf(entryTable.getSelectionModel().getSelectedItems()));
            }
        });
        entryTable.setOnMouseClicked(e -> {
            if (e.getButton() == MouseButton.PRIMARY && e.getClickCount() == 2) {
                viewModel.open(entryTable.getSelectionModel().getSelectedItem());
            }
        });
        entryTable.addEventFilter(KeyEvent.KEY_PRESSED, this::tableKey);
        entryTable.setOnDragOver(this::dragOver);
        entryTable.setOnDragDropped(this::dropped);
        pageLabel.textProperty().bind(viewModel.pageTextProperty());
        previousButton.disableProperty().bind(viewModel.hasPreviousProperty().not());
        nextButton.disableProperty().bind(viewModel.hasNextProperty().not());
    }

    private void tableKey(KeyEvent event) {
        if (event.getCode() == KeyCode.DELETE) {
            viewModel.deleteCommand().execute();
        } else if (event.getCode() == KeyCode.BACK_SPACE) {
            viewModel.up();
        } else if (event.getCode() == KeyCode.ENTER) {
            viewModel.open(entryTable.getSelectionModel().getSelectedItem());
        } else {
            return;
        }
        event.consume();
    }

    private void dragOver(DragEvent event) {
        if (event.getDragboard().hasFiles() && viewModel.bucketProperty().get() != null) {
            event.acceptTransferModes(TransferMode.COPY);
        }
        event.consume();
    }

    private void dropped(DragEvent event) {
        List<Path> files = event.getDragboard().hasFiles()
                ? event.getDragboard().getFiles().stream().filter(File::isFile).map(File::toPath).toList() : List.of();
        viewModel.upload(files);
        event.setDropCompleted(!files.isEmpty());
        event.consume();
    }

    private void bindActions() {
        copyPublicButton.disableProperty().bind(viewModel.oneFileSelectedProperty().not());
        copySignedButton.disableProperty().bind(viewModel.copySignedUrlCommand().executableProperty().not());
        downloadButton.disableProperty().bind(viewModel.downloadCommand().executableProperty().not());
        deleteButton.disableProperty().bind(viewModel.deleteCommand().executableProperty().not());
        uploadButton.disableProperty().bind(viewModel.uploadingProperty().or(viewModel.bucketProperty().isNull()));
        uploadBar.visibleProperty().bind(viewModel.uploadingProperty());
        uploadBar.managedProperty().bind(uploadBar.visibleProperty());
        uploadLabel.textProperty().bind(viewModel.uploadTextProperty());
        uploadProgress.progressProperty().bind(viewModel.uploadProgressProperty());
        // Rows deleted or reloaded elsewhere: the table follows the view model's selection.
        viewModel.selection().addListener((ListChangeListener<StorageEntry>) c -> {
            if (viewModel.selection().isEmpty() && !entryTable.getSelectionModel().isEmpty()) {
                syncingSelection = true;
                entryTable.getSelectionModel().clearSelection();
                syncingSelection = false;
            }
        });
    }

    private void bindPreview() {
        player = new NarrationPlayer(texts, tasks, playButton, playIcon, timeLabel, seekSlider, playerProblem);
        previewImage.fitWidthProperty().bind(Bindings.max(80, imageBox.widthProperty().subtract(8)));
        previewImage.fitHeightProperty().bind(Bindings.max(80, imageBox.heightProperty().subtract(8)));
        playerProblem.visibleProperty().bind(playerProblem.textProperty().isNotEmpty());
        playerProblem.managedProperty().bind(playerProblem.visibleProperty());
        viewModel.previewProperty().addListener((obs, old, shown) -> showPreview(shown));
        viewModel.previewCommand().runningProperty().addListener((obs, was, running) -> showPreview(
                viewModel.previewProperty().get()));
        showPreview(null);
    }

    private void showPreview(StoragePreview shown) {
        boolean loading = viewModel.previewCommand().isRunning();
        boolean image = shown != null && shown.entry().isImage();
        boolean audio = shown != null && shown.entry().isAudio();
        previewTitle.setText(shown == null ? "" : shown.entry().name());
        previewDetails.setText(shown == null ? "" : texts.get("storage.preview.details",
                humanSize(shown.entry().size()), Objects.requireNonNullElse(shown.entry().contentType(), ""),
                shown.entry().updated() == null ? "" : dateFormat.format(shown.entry().updated())));
        // Background loading: decoding never blocks the FX thread.
        previewImage.setImage(image ? new Image(shown.file().toUri().toString(), 1200, 0, true, true, true) : null);
        imageBox.setVisible(image);
        imageBox.setManaged(image);
        playerBar.setVisible(audio);
        playerBar.setManaged(audio);
        player.load(audio ? shown.file() : null);
        previewHint.setText(texts.get(loading ? "storage.preview.loading" : "storage.preview.none"));
        previewHint.setVisible(shown == null);
        previewHint.setManaged(shown == null);
    }

    private void installShortcuts() {
        shortcuts.put(new KeyCodeCombination(KeyCode.F5), viewModel::refresh);
        shortcuts.put(new KeyCodeCombination(KeyCode.UP, KeyCombination.ALT_DOWN), viewModel::up);
        shortcuts.put(new KeyCodeCombination(KeyCode.U, KeyCombination.SHORTCUT_DOWN), viewModel::chooseAndUpload);
        shortcuts.put(new KeyCodeCombination(KeyCode.S, KeyCombination.SHORTCUT_DOWN),
                () -> viewModel.downloadCommand().execute());
        shortcuts.put(new KeyCodeCombination(KeyCode.C, KeyCombination.SHORTCUT_DOWN, KeyCombination.SHIFT_DOWN),
                viewModel::copyPublicUrl);
        shortcuts.put(new KeyCodeCombination(KeyCode.PAGE_DOWN, KeyCombination.ALT_DOWN), viewModel::nextPage);
        shortcuts.put(new KeyCodeCombination(KeyCode.PAGE_UP, KeyCombination.ALT_DOWN), viewModel::previousPage);
    }

    private void updateShortcuts(Scene from, Scene to) {
        if (from != null) {
            // Only ours: another section may have registered the same keys.
            shortcuts.forEach((key, action) -> from.getAccelerators().remove(key, action));
        }
        if (to != null && root.isVisible()) {
            to.getAccelerators().putAll(shortcuts);
        }
    }

    static String humanSize(long bytes) {
        if (bytes < 1024) {
            return bytes + " B";
        }
        double kib = bytes / 1024.0;
        return kib < 1024 ? String.format(Locale.ROOT, "%.1f KB", kib)
                : String.format(Locale.ROOT, "%.1f MB", kib / 1024.0);
    }

    @FXML
    private void up() {
        viewModel.up();
    }

    @FXML
    private void refresh() {
        viewModel.refresh();
    }

    @FXML
    private void chooseAndUpload() {
        viewModel.chooseAndUpload();
    }

    @FXML
    private void copyPublicUrl() {
        viewModel.copyPublicUrl();
    }

    @FXML
    private void copySignedUrl() {
        viewModel.copySignedUrlCommand().execute();
    }

    @FXML
    private void download() {
        viewModel.downloadCommand().execute();
    }

    @FXML
    private void delete() {
        viewModel.deleteCommand().execute();
    }

    @FXML
    private void previousPage() {
        viewModel.previousPage();
    }

    @FXML
    private void nextPage() {
        viewModel.nextPage();
    }

    @FXML
    private void togglePlay() {
        player.togglePlay();
    }
}
