package com.storymimi.studio.ui.editor;

import com.storymimi.studio.model.MediaKind;
import com.storymimi.studio.model.StoryStatus;
import com.storymimi.studio.ui.common.Texts;
import javafx.beans.binding.Bindings;
import javafx.beans.value.ObservableStringValue;
import javafx.css.PseudoClass;
import javafx.fxml.FXML;
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

/**
 * Binds the story editor: header, scene strip (drag or Alt+Up/Down to reorder), the selected scene's image
 * and narration drop zones with the player, and the autosaved text. File drops become {@code List<Path>}
 * here and go to {@link SceneMediaViewModel#drop}.
 */
public final class StoryEditorView {

    /**
     * Key of a drop zone's {@code getProperties()} entry holding the {@code Consumer<List<Path>>} its
     * DRAG_DROPPED handler calls; tests that cannot drag files from the OS drop through it.
     */
    public static final String DROP_FILES = "storymimi.dropFiles";
    private static final PseudoClass DRAG_OVER = PseudoClass.getPseudoClass("drag-over");
    private static final KeyCombination SAVE = new KeyCodeCombination(KeyCode.S, KeyCombination.SHORTCUT_DOWN);
    private static final KeyCombination UP = new KeyCodeCombination(KeyCode.UP, KeyCombination.ALT_DOWN);
    private static final KeyCombination DOWN = new KeyCodeCombination(KeyCode.DOWN, KeyCombination.ALT_DOWN);
    private static final KeyCombination BACK = new KeyCodeCombination(KeyCode.ESCAPE);

    private final StoryEditorViewModel viewModel;
    private final Texts texts;
    private final Map<KeyCombination, Runnable> shortcuts;
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

    public StoryEditorView(StoryEditorViewModel viewModel, Texts texts) {
        this.viewModel = Objects.requireNonNull(viewModel, "viewModel");
        this.texts = Objects.requireNonNull(texts, "texts");
        shortcuts = Map.of(SAVE, viewModel::saveNow, UP, () -> viewModel.moveSelected(-1),
                DOWN, () -> viewModel.moveSelected(+1), BACK, viewModel::back);
    }

    @FXML
    private void initialize() {
        bindHeader();
        bindStrip();
        bindScene();
        bindMedia(viewModel.media().image(), imageZone, imageHint, imageProgress, imageMessage, removeImageButton);
        bindMedia(viewModel.media().audio(), audioZone, audioHint, audioProgress, audioMessage, removeAudioButton);
        bindImagePreview();
        bindPlayer();
    }

    private void bindHeader() {
        titleField.textProperty().bindBidirectional(viewModel.titleProperty());
        titleField.setOnAction(e -> viewModel.commitHeader());
        titleField.focusedProperty().addListener((obs, was, focused) -> {
            if (!focused) {
                viewModel.commitHeader();
            }
        });
        promptArea.textProperty().bindBidirectional(viewModel.promptProperty());
        promptArea.focusedProperty().addListener((obs, was, focused) -> {
            if (!focused) {
                viewModel.commitHeader();
            }
        });
        statusBox.getItems().setAll(StoryStatus.values());
        statusBox.setCellFactory(list -> statusCell());
        statusBox.setButtonCell(statusCell());
        statusBox.valueProperty().bindBidirectional(viewModel.statusProperty());
        statusBox.disableProperty().bind(viewModel.storyProperty().isNull());
        userLabel.textProperty().bind(viewModel.usernameProperty());
        busyIndicator.visibleProperty().bind(viewModel.busyBinding());
        showWhenNotEmpty(noticeLabel, viewModel.noticeProperty());
        noticeBar.visibleProperty().bind(noticeLabel.visibleProperty());
        noticeBar.managedProperty().bind(noticeBar.visibleProperty());
        showWhenNotEmpty(loadError, viewModel.loadErrorProperty());
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

    private void bindStrip() {
        sceneList.setItems(viewModel.scenes());
        sceneList.setCellFactory(list -> new SceneCell(texts, viewModel::move));
        sceneList.setPlaceholder(new Label(texts.get("editor.scenes.empty")));
        sceneList.getSelectionModel().selectedItemProperty().addListener((obs, old, item) -> {
            if (item != null) {
                viewModel.select(item);
            }
        });
        viewModel.selectedProperty().addListener((obs, old, item) -> selectInStrip(item));
        // A reorder replaces the list's items; the selected scene must stay selected where it went.
        viewModel.scenes().addListener((javafx.collections.ListChangeListener<SceneItem>) c ->
                selectInStrip(viewModel.selectedProperty().get()));
        selectInStrip(viewModel.selectedProperty().get());
        addSceneButton.disableProperty().bind(viewModel.addSceneCommand().executableProperty().not());
        upButton.disableProperty().bind(viewModel.reorderingProperty().or(viewModel.selectedProperty().isNull()));
        downButton.disableProperty().bind(upButton.disableProperty());
        bindStripDrop();
        sceneList.addEventHandler(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.DELETE && !e.isAltDown() && !e.isShortcutDown()) {
                viewModel.deleteSelected();
                e.consume();
            }
        });
        deleteSceneButton.disableProperty().bind(viewModel.deletingProperty());
    }

    /** Files or a folder dropped anywhere on the strip (cells pass file drags on) go to the plan. */
    private void bindStripDrop() {
        Consumer<List<Path>> dropFiles = viewModel::dropOnStrip;
        sceneList.getProperties().put(DROP_FILES, dropFiles);
        sceneList.setOnDragOver(e -> {
            if (e.getDragboard().hasFiles() && !viewModel.stripUploadingProperty().get()) {
                e.acceptTransferModes(TransferMode.COPY);
                sceneList.pseudoClassStateChanged(DRAG_OVER, true);
            }
            e.consume();
        });
        sceneList.setOnDragExited(e -> sceneList.pseudoClassStateChanged(DRAG_OVER, false));
        sceneList.setOnDragDropped(e -> {
            boolean files = e.getDragboard().hasFiles();
            if (files) {
                dropFiles.accept(paths(e));
            }
            e.setDropCompleted(files);
            e.consume();
        });
        showWhenNotEmpty(stripUploadStatus, viewModel.stripUploadStatusProperty());
        stripUploadBar.visibleProperty().bind(stripUploadStatus.visibleProperty());
        stripUploadBar.managedProperty().bind(stripUploadBar.visibleProperty());
        stopStripUploadButton.visibleProperty().bind(viewModel.stripUploadingProperty());
        stopStripUploadButton.managedProperty().bind(stopStripUploadButton.visibleProperty());
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

    private void bindScene() {
        scenePane.visibleProperty().bind(viewModel.selectedProperty().isNotNull());
        noSceneLabel.visibleProperty().bind(scenePane.visibleProperty().not());
        // Follows the selected scene's row: a reorder changes its number while it stays selected.
        viewModel.selectedProperty().addListener((obs, old, item) -> bindSceneTitle(item));
        bindSceneTitle(viewModel.selectedProperty().get());
        textArea.textProperty().bindBidirectional(viewModel.textProperty());
        saveStateLabel.textProperty().bind(viewModel.saveStateTextProperty());
        viewModel.saveStateProperty().addListener((obs, old, state) -> {
            saveStateLabel.pseudoClassStateChanged(PseudoClass.getPseudoClass("kept"), state == SaveState.DRAFT_KEPT);
        });
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

    private void bindMedia(MediaSlot slot, Region zone, Label hint, ProgressBar progress, Label message,
                           Button remove) {
        hint.visibleProperty().bind(slot.presentProperty().not().and(slot.uploadingProperty().not()));
        hint.managedProperty().bind(hint.visibleProperty());
        progress.progressProperty().bind(slot.progressProperty());
        progress.visibleProperty().bind(slot.uploadingProperty());
        progress.managedProperty().bind(progress.visibleProperty());
        showWhenNotEmpty(message, slot.messageProperty());
        remove.disableProperty().bind(slot.presentProperty().not().or(slot.busyBinding()));
        Consumer<List<Path>> dropFiles = files -> viewModel.media().drop(slot.kind(), files);
        zone.getProperties().put(DROP_FILES, dropFiles);
        zone.setOnDragOver(e -> {
            if (e.getDragboard().hasFiles() && viewModel.media().acceptsDrag(slot.kind(), paths(e))) {
                e.acceptTransferModes(TransferMode.COPY);
                zone.pseudoClassStateChanged(DRAG_OVER, true);
            }
            e.consume();
        });
        zone.setOnDragExited(e -> zone.pseudoClassStateChanged(DRAG_OVER, false));
        zone.setOnDragDropped(e -> {
            boolean files = e.getDragboard().hasFiles();
            if (files) {
                dropFiles.accept(paths(e));
            }
            e.setDropCompleted(files);
            e.consume();
        });
    }

    private static List<Path> paths(DragEvent event) {
        return event.getDragboard().getFiles().stream().map(File::toPath).toList();
    }

    private void bindImagePreview() {
        MediaSlot image = viewModel.media().image();
        imageView.fitWidthProperty().bind(Bindings.max(120, imageZone.widthProperty().subtract(16)));
        imageView.fitHeightProperty().bind(Bindings.max(120, imageZone.heightProperty().subtract(16)));
        image.fileProperty().addListener((obs, old, file) -> showImage(file));
        showImage(image.fileProperty().get());
    }

    private void showImage(Path file) {
        // Background loading: decoding never blocks the FX thread.
        imageView.setImage(file == null ? null : new Image(file.toUri().toString(), 1200, 0, true, true, true));
    }

    private void bindPlayer() {
        MediaSlot audio = viewModel.media().audio();
        player = new NarrationPlayer(texts, playButton, playIcon, timeLabel, seekSlider, playerProblem);
        playerProblem.visibleProperty().bind(playerProblem.textProperty().isNotEmpty());
        playerProblem.managedProperty().bind(playerProblem.visibleProperty());
        playerBar.visibleProperty().bind(audio.presentProperty());
        playerBar.managedProperty().bind(playerBar.visibleProperty());
        audio.fileProperty().addListener((obs, old, file) -> player.load(file));
        audio.fileNameProperty().addListener((obs, old, name) -> audioName.setText(name));
        audioName.setText(audio.fileNameProperty().get());
        player.load(audio.fileProperty().get());
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

    /** The editor goes away: release the media player and the shortcuts. */
    public void dispose() {
        player.dispose();
        Scene scene = root.getScene();
        if (scene != null) {
            updateShortcuts(scene, null);
        }
    }

    /** The narration player's state (READY once loaded, PLAYING while it plays); for tests without ears. */
    public javafx.beans.property.ReadOnlyObjectProperty<javafx.scene.media.MediaPlayer.Status> playerStatusProperty() {
        return player.statusProperty();
    }

    private static void showWhenNotEmpty(Label label, ObservableStringValue text) {
        label.textProperty().bind(text);
        label.visibleProperty().bind(label.textProperty().isNotEmpty());
        label.managedProperty().bind(label.visibleProperty());
    }

    @FXML
    private void back() {
        viewModel.back();
    }

    @FXML
    private void save() {
        viewModel.saveNow();
    }

    @FXML
    private void dismissNotice() {
        viewModel.dismissNotice();
    }

    @FXML
    private void moveUp() {
        viewModel.moveSelected(-1);
    }

    @FXML
    private void moveDown() {
        viewModel.moveSelected(+1);
    }

    @FXML
    private void deleteScene() {
        viewModel.deleteSelected();
    }

    @FXML
    private void stopStripUpload() {
        viewModel.stopStripUpload();
    }

    @FXML
    private void addScene() {
        viewModel.addSceneCommand().execute();
    }

    @FXML
    private void chooseImage() {
        viewModel.media().choose(MediaKind.IMAGE);
    }

    @FXML
    private void removeImage() {
        viewModel.media().remove(MediaKind.IMAGE);
    }

    @FXML
    private void chooseAudio() {
        viewModel.media().choose(MediaKind.AUDIO);
    }

    @FXML
    private void removeAudio() {
        viewModel.media().remove(MediaKind.AUDIO);
    }

    @FXML
    private void togglePlay() {
        player.togglePlay();
    }
}
