package com.storymimi.studio.ui.editor;

import com.storymimi.studio.model.MediaKind;
import com.storymimi.studio.model.StoryStatus;
import com.storymimi.studio.ui.common.Texts;
import com.storymimi.studio.ui.common.ViewLoader;
import com.storymimi.studio.ui.history.RevisionHistoryView;
import com.storymimi.studio.ui.player.FxSheetRenderer;
import com.storymimi.studio.ui.player.StoryboardView;
import com.storymimi.studio.ui.history.RevisionHistoryViewModel;
import com.storymimi.studio.ui.common.ViewBindings;
import com.storymimi.studio.ui.common.ViewTasks;
import javafx.beans.binding.Bindings;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.css.PseudoClass;
import javafx.fxml.FXML;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.Slider;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.TitledPane;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.scene.input.DragEvent;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.TransferMode;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;

import java.io.File;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * Binds the story editor: header, scene strip (drag or Alt+Up/Down to reorder), the selected scene's image
 * and narration drop zones with the player, and the autosaved text. File drops become {@code List<Path>}
 * here and go to {@link SceneMediaViewModel#drop}. Built once and {@link #bind bound} to each story opened:
 * loading the FXML and the first CSS pass over it cost more than a frame, rebinding costs almost nothing.
 */
public final class StoryEditorView {

    /**
     * Key of a drop zone's {@code getProperties()} entry holding the {@code Consumer<List<Path>>} its
     * DRAG_DROPPED handler calls; tests that cannot drag files from the OS drop through it.
     */
    public static final String DROP_FILES = "storymimi.dropFiles";
    private static final PseudoClass DRAG_OVER = PseudoClass.getPseudoClass("drag-over");
    private static final PseudoClass KEPT = PseudoClass.getPseudoClass("kept");
    private static final KeyCombination SAVE = new KeyCodeCombination(KeyCode.S, KeyCombination.SHORTCUT_DOWN);
    private static final KeyCombination UP = new KeyCodeCombination(KeyCode.UP, KeyCombination.ALT_DOWN);
    private static final KeyCombination DOWN = new KeyCodeCombination(KeyCode.DOWN, KeyCombination.ALT_DOWN);
    private static final KeyCombination HISTORY = new KeyCodeCombination(KeyCode.H, KeyCombination.SHORTCUT_DOWN);
    private static final KeyCombination BACK = new KeyCodeCombination(KeyCode.ESCAPE);
    private static final KeyCombination PLAY = new KeyCodeCombination(KeyCode.F5);

    private final Texts texts;
    private final ViewTasks tasks;
    private final FxSheetRenderer sheetRenderer;
    private final ViewLoader loader;
    private final Map<KeyCombination, Runnable> shortcuts;
    private final ViewBindings bindings = new ViewBindings();
    private final ObservableList<SceneItem> noScenes = FXCollections.observableArrayList();
    private StoryEditorViewModel viewModel;
    private NarrationPlayer player;

    @FXML private BorderPane root;
    @FXML private Button backButton;
    @FXML private TextField titleField;
    @FXML private ComboBox<StoryStatus> statusBox;
    @FXML private Label userLabel;
    @FXML private ProgressIndicator busyIndicator;
    @FXML private TitledPane promptPane;
    @FXML private TextArea promptArea;
    @FXML private HBox noticeBar;
    @FXML private Label noticeLabel;
    @FXML private Label loadError;
    @FXML private ListView<SceneItem> sceneList;
    @FXML private Button upButton;
    @FXML private Button downButton;
    @FXML private Button addSceneButton;
    @FXML private HBox stripUploadBar;
    @FXML private Label stripUploadStatus;
    @FXML private Button stopStripUploadButton;
    @FXML private Button deleteSceneButton;
    @FXML private Label noSceneLabel;
    @FXML private VBox scenePane;
    @FXML private Label sceneTitle;
    @FXML private VBox imageColumn;
    @FXML private VBox audioColumn;
    @FXML private StackPane imageZone;
    @FXML private ImageView imageView;
    @FXML private Label imageHint;
    @FXML private ProgressBar imageProgress;
    @FXML private Label imageMessage;
    @FXML private Button chooseImageButton;
    @FXML private Button removeImageButton;
    @FXML private VBox audioZone;
    @FXML private HBox playerBar;
    @FXML private Button playButton;
    @FXML private FontIcon playIcon;
    @FXML private Label timeLabel;
    @FXML private Slider seekSlider;
    @FXML private Label audioName;
    @FXML private Label playerProblem;
    @FXML private Label audioHint;
    @FXML private ProgressBar audioProgress;
    @FXML private Label audioMessage;
    @FXML private Button chooseAudioButton;
    @FXML private Button removeAudioButton;
    @FXML private TextArea textArea;
    @FXML private Label saveStateLabel;

    public StoryEditorView(Texts texts, ViewTasks tasks, ViewLoader loader) {
        this.texts = Objects.requireNonNull(texts, "texts");
        this.tasks = Objects.requireNonNull(tasks, "tasks");
        this.sheetRenderer = new FxSheetRenderer(tasks, texts);
        this.loader = Objects.requireNonNull(loader, "loader");
        shortcuts = Map.of(SAVE, () -> withModel(StoryEditorViewModel::saveNow),
                HISTORY, this::openHistory,
                PLAY, this::playStory,
                UP, () -> withModel(vm -> vm.moveSelected(-1)),
                DOWN, () -> withModel(vm -> vm.moveSelected(+1)),
                BACK, () -> withModel(StoryEditorViewModel::back));
    }

    /** What does not depend on the story shown: cell factories, drop handlers, the player, visibility rules. */
    @FXML
    private void initialize() {
        titleField.setOnAction(e -> withModel(StoryEditorViewModel::commitHeader));
        commitHeaderOnFocusLost(titleField);
        commitHeaderOnFocusLost(promptArea);
        statusBox.getItems().setAll(StoryStatus.values());
        statusBox.setCellFactory(list -> statusCell());
        statusBox.setButtonCell(statusCell());
        noticeBar.visibleProperty().bind(noticeLabel.textProperty().isNotEmpty());
        noticeBar.managedProperty().bind(noticeBar.visibleProperty());
        for (Label label : List.of(noticeLabel, loadError, stripUploadStatus, imageMessage, audioMessage,
                playerProblem)) {
            label.visibleProperty().bind(label.textProperty().isNotEmpty());
            label.managedProperty().bind(label.visibleProperty());
        }
        sceneList.setItems(noScenes);
        sceneList.setCellFactory(list -> new SceneCell(texts, (from, to) -> withModel(vm -> vm.move(from, to))));
        sceneList.setPlaceholder(new Label(texts.get("editor.scenes.empty")));
        sceneList.getSelectionModel().selectedItemProperty().addListener((obs, old, item) -> {
            if (item != null) {
                withModel(vm -> vm.select(item));
            }
        });
        sceneList.addEventHandler(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.DELETE && !e.isAltDown() && !e.isShortcutDown()) {
                withModel(StoryEditorViewModel::deleteSelected);
                e.consume();
            }
        });
        acceptFileDrops(sceneList, files -> !viewModel.stripUploadingProperty().get(),
                files -> viewModel.dropOnStrip(files));
        stripUploadBar.visibleProperty().bind(stripUploadStatus.visibleProperty());
        stripUploadBar.managedProperty().bind(stripUploadBar.visibleProperty());
        stopStripUploadButton.managedProperty().bind(stopStripUploadButton.visibleProperty());
        noSceneLabel.visibleProperty().bind(scenePane.visibleProperty().not());
        acceptFileDrops(imageZone, files -> viewModel.media().acceptsDrag(MediaKind.IMAGE, files),
                files -> viewModel.media().drop(MediaKind.IMAGE, files));
        acceptFileDrops(audioZone, files -> viewModel.media().acceptsDrag(MediaKind.AUDIO, files),
                files -> viewModel.media().drop(MediaKind.AUDIO, files));
        for (Node shown : List.of(imageHint, imageProgress, audioHint, audioProgress, playerBar)) {
            shown.managedProperty().bind(shown.visibleProperty());
        }
        imageView.fitWidthProperty().bind(Bindings.max(120, imageZone.widthProperty().subtract(16)));
        imageView.fitHeightProperty().bind(Bindings.max(120, imageZone.heightProperty().subtract(16)));
        player = new NarrationPlayer(texts, tasks, playButton, playIcon, timeLabel, seekSlider, playerProblem);
    }

    /** Shows this story from now on; the one shown before is let go first. */
    public void bind(StoryEditorViewModel editor) {
        unbind();
        viewModel = Objects.requireNonNull(editor, "editor");
        bindHeader(editor);
        bindStrip(editor);
        bindScene(editor);
        bindSlot(editor.media().image(), imageHint, imageProgress, imageMessage, removeImageButton);
        bindSlot(editor.media().audio(), audioHint, audioProgress, audioMessage, removeAudioButton);
        bindImagePreview(editor.media().image());
        bindPlayer(editor.media().audio());
    }

    /** The story's saved history in a window of its own, beside the editor; it follows restores at once. */
    @FXML
    private void openHistory() {
        StoryEditorViewModel editor = viewModel;
        if (editor == null || root.getScene() == null) {
            return;
        }
        RevisionHistoryViewModel history = editor.history();
        javafx.stage.Stage window = new javafx.stage.Stage();
        window.initOwner(root.getScene().getWindow());
        window.setTitle(texts.get("history.title", editor.titleProperty().get()));
        javafx.scene.Scene scene = new javafx.scene.Scene(loader.load(new RevisionHistoryView(history, texts)));
        scene.getStylesheets().setAll(root.getScene().getStylesheets());
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.ESCAPE), window::close);
        window.setScene(scene);
        window.show();
    }

    /** The story full-window as a child would see it, from its saved state (what is typed is saved first). */
    @FXML
    private void playStory() {
        StoryEditorViewModel editor = viewModel;
        if (editor == null || root.getScene() == null) {
            return;
        }
        player.pause(); // one voice at a time
        StoryboardView.open(root.getScene().getWindow(), editor.play(), texts, tasks, loader);
    }

    /** Every scene with its image and text on one PNG, for review outside the app. */
    @FXML
    private void saveSheet() {
        if (viewModel != null) {
            viewModel.saveSheet(sheetRenderer);
        }
    }

    /** Lets the story go: nothing of it stays bound, shown or playing. */
    public void unbind() {
        bindings.unbindAll();
        viewModel = null;
    }

    private void withModel(Consumer<StoryEditorViewModel> action) {
        if (viewModel != null) {
            action.accept(viewModel);
        }
    }

    private void commitHeaderOnFocusLost(Node field) {
        field.focusedProperty().addListener((obs, was, focused) -> {
            if (!focused) {
                withModel(StoryEditorViewModel::commitHeader);
            }
        });
    }

    private void bindHeader(StoryEditorViewModel editor) {
        bindings.bindBidirectional(titleField.textProperty(), editor.titleProperty());
        bindings.bindBidirectional(promptArea.textProperty(), editor.promptProperty());
        bindings.bindBidirectional(statusBox.valueProperty(), editor.statusProperty());
        bindings.bind(statusBox.disableProperty(), editor.storyProperty().isNull());
        bindings.bind(userLabel.textProperty(), editor.usernameProperty());
        bindings.bind(busyIndicator.visibleProperty(), editor.busyBinding());
        bindings.bind(noticeLabel.textProperty(), editor.noticeProperty());
        bindings.bind(loadError.textProperty(), editor.loadErrorProperty());
    }

    private ListCell<StoryStatus> statusCell() {
        return new ListCell<>() {
            @Override
            protected void updateItem(StoryStatus status, boolean empty) {
                super.updateItem(status, empty);
                setText(empty || status == null ? null : texts.get("story.status." + status.name()));
            }
        };
    }

    private void bindStrip(StoryEditorViewModel editor) {
        sceneList.setItems(editor.scenes());
        bindings.onUnbind(() -> sceneList.setItems(noScenes));
        bindings.listen(editor.selectedProperty(), (obs, old, item) -> selectInStrip(item));
        // A reorder replaces the list's items; the selected scene must stay selected where it went.
        bindings.listen(editor.scenes(), (ListChangeListener<SceneItem>) c ->
                selectInStrip(editor.selectedProperty().get()));
        selectInStrip(editor.selectedProperty().get());
        bindings.bind(addSceneButton.disableProperty(), editor.addSceneCommand().executableProperty().not());
        bindings.bind(upButton.disableProperty(), editor.reorderingProperty().or(editor.selectedProperty().isNull()));
        bindings.bind(downButton.disableProperty(), upButton.disableProperty());
        bindings.bind(deleteSceneButton.disableProperty(), editor.deletingProperty());
        bindings.bind(stripUploadStatus.textProperty(), editor.stripUploadStatusProperty());
        bindings.bind(stopStripUploadButton.visibleProperty(), editor.stripUploadingProperty());
    }

    /**
     * Files or a folder dropped on the node go to {@code drop} (cells of the strip pass file drags on); the
     * same consumer is published under {@link #DROP_FILES}.
     */
    private void acceptFileDrops(Node target, Predicate<List<Path>> accepts, Consumer<List<Path>> drop) {
        Consumer<List<Path>> dropFiles = files -> {
            if (viewModel != null) {
                drop.accept(files);
            }
        };
        target.getProperties().put(DROP_FILES, dropFiles);
        target.setOnDragOver(e -> {
            if (viewModel != null && e.getDragboard().hasFiles() && accepts.test(paths(e))) {
                e.acceptTransferModes(TransferMode.COPY);
                target.pseudoClassStateChanged(DRAG_OVER, true);
            }
            e.consume();
        });
        target.setOnDragExited(e -> target.pseudoClassStateChanged(DRAG_OVER, false));
        target.setOnDragDropped(e -> {
            boolean files = e.getDragboard().hasFiles();
            if (files) {
                dropFiles.accept(paths(e));
            }
            e.setDropCompleted(files);
            e.consume();
        });
    }

    private void selectInStrip(SceneItem item) {
        if (item == null) {
            sceneList.getSelectionModel().clearSelection();
        } else if (sceneList.getSelectionModel().getSelectedItem() != item
                || sceneList.getSelectionModel().getSelectedIndex() != sceneList.getItems().indexOf(item)) {
            sceneList.getSelectionModel().select(item);
            sceneList.scrollTo(item);
        }
    }

    private void bindScene(StoryEditorViewModel editor) {
        bindings.bind(scenePane.visibleProperty(), editor.selectedProperty().isNotNull());
        // Follows the selected scene's row: a reorder changes its number while it stays selected.
        bindings.listen(editor.selectedProperty(), (obs, old, item) -> bindSceneTitle(item));
        bindSceneTitle(editor.selectedProperty().get());
        bindings.onUnbind(() -> bindSceneTitle(null));
        bindings.bindBidirectional(textArea.textProperty(), editor.textProperty());
        bindings.bind(saveStateLabel.textProperty(), editor.saveStateTextProperty());
        bindings.listen(editor.saveStateProperty(), (obs, old, state) -> showSaveState(state));
        showSaveState(editor.saveStateProperty().get());
    }

    private void showSaveState(SaveState state) {
        saveStateLabel.pseudoClassStateChanged(KEPT, state == SaveState.DRAFT_KEPT);
    }

    private void bindSceneTitle(SceneItem item) {
        if (item == null) {
            sceneTitle.textProperty().unbind();
            sceneTitle.setText("");
        } else {
            sceneTitle.textProperty().bind(Bindings.createStringBinding(
                    () -> texts.get("editor.scene.title", item.scene().sequence()), item.sceneProperty()));
        }
    }

    private void bindSlot(MediaSlot slot, Label hint, ProgressBar progress, Label message, Button remove) {
        bindings.bind(hint.visibleProperty(), slot.presentProperty().not().and(slot.uploadingProperty().not()));
        bindings.bind(progress.progressProperty(), slot.progressProperty());
        bindings.bind(progress.visibleProperty(), slot.uploadingProperty());
        bindings.bind(message.textProperty(), slot.messageProperty());
        bindings.bind(remove.disableProperty(), slot.presentProperty().not().or(slot.busyBinding()));
    }

    private static List<Path> paths(DragEvent event) {
        return event.getDragboard().getFiles().stream().map(File::toPath).toList();
    }

    private void bindImagePreview(MediaSlot image) {
        bindings.listen(image.fileProperty(), (obs, old, file) -> showImage(file));
        showImage(image.fileProperty().get());
        bindings.onUnbind(() -> showImage(null));
    }

    private void showImage(Path file) {
        // Background loading: decoding never blocks the FX thread.
        imageView.setImage(file == null ? null : new Image(file.toUri().toString(), 1200, 0, true, true, true));
    }

    private void bindPlayer(MediaSlot audio) {
        bindings.bind(playerBar.visibleProperty(), audio.presentProperty());
        bindings.listen(audio.fileProperty(), (obs, old, file) -> player.load(file));
        bindings.bind(audioName.textProperty(), audio.fileNameProperty());
        player.load(audio.fileProperty().get());
        bindings.onUnbind(() -> player.load(null));
    }

    /**
     * The editor's heaviest parts (those with skins of their own), for putting the editor into the window a
     * part per frame ({@link com.storymimi.studio.ui.common.StagedAttach}).
     */
    public List<Node> heavyParts() {
        return List.of(statusBox, busyIndicator, promptPane, sceneList, imageColumn, audioColumn, textArea);
    }

    /** Moves this editor's shortcuts from one scene to another (null: remove them). */
    public void updateShortcuts(Scene from, Scene to) {
        if (from != null) {
            shortcuts.forEach(from.getAccelerators()::remove);
        }
        if (to != null) {
            to.getAccelerators().putAll(shortcuts);
        }
    }

    @FXML
    private void back() {
        withModel(vm -> vm.back());
    }

    @FXML
    private void save() {
        withModel(vm -> vm.saveNow());
    }

    @FXML
    private void dismissNotice() {
        withModel(vm -> vm.dismissNotice());
    }

    @FXML
    private void moveUp() {
        withModel(vm -> vm.moveSelected(-1));
    }

    @FXML
    private void moveDown() {
        withModel(vm -> vm.moveSelected(+1));
    }

    @FXML
    private void deleteScene() {
        withModel(vm -> vm.deleteSelected());
    }

    @FXML
    private void stopStripUpload() {
        withModel(vm -> vm.stopStripUpload());
    }

    @FXML
    private void addScene() {
        withModel(vm -> vm.addSceneCommand().execute());
    }

    @FXML
    private void chooseImage() {
        withModel(vm -> vm.media().choose(MediaKind.IMAGE));
    }

    @FXML
    private void removeImage() {
        withModel(vm -> vm.media().remove(MediaKind.IMAGE));
    }

    @FXML
    private void chooseAudio() {
        withModel(vm -> vm.media().choose(MediaKind.AUDIO));
    }

    @FXML
    private void removeAudio() {
        withModel(vm -> vm.media().remove(MediaKind.AUDIO));
    }

    @FXML
    private void togglePlay() {
        player.togglePlay();
    }
}
