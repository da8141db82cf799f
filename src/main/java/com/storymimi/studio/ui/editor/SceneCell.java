package com.storymimi.studio.ui.editor;

import com.storymimi.studio.model.Scene;
import com.storymimi.studio.ui.common.Texts;
import javafx.beans.value.ChangeListener;
import javafx.css.PseudoClass;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ProgressBar;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.scene.input.ClipboardContent;
import javafx.scene.input.DataFormat;
import javafx.scene.input.TransferMode;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

import java.nio.file.Path;
import java.util.function.BiConsumer;

/**
 * One scene in the strip: thumbnail, number, the first words of its text and a dot while its text is unsaved.
 * Cells are drag sources and targets for reordering within the strip.
 */
final class SceneCell extends ListCell<SceneItem> {

    static final DataFormat SCENE_INDEX = new DataFormat("application/x-storymimi-scene-index");
    private static final PseudoClass DROP_TARGET = PseudoClass.getPseudoClass("drop-target");
    private static final int WORDS = 48;

    private final Texts texts;
    private final ImageView thumbnail = new ImageView();
    private final Label number = new Label();
    private final Label words = new Label();
    private final Label unsaved = new Label("●");
    private final ProgressBar upload = new ProgressBar();
    private final HBox box;
    private final ChangeListener<Object> refresh = (obs, old, now) -> show(getItem());
    private final ChangeListener<Path> reloadThumbnail = (obs, old, now) -> showThumbnail(now);

    SceneCell(Texts texts, BiConsumer<Integer, Integer> move) {
        this.texts = texts;
        thumbnail.setFitWidth(64);
        thumbnail.setFitHeight(44);
        thumbnail.setPreserveRatio(true);
        StackPane frame = new StackPane(thumbnail);
        frame.getStyleClass().add("thumbnail-frame");
        frame.setMinSize(64, 44);
        frame.setPrefSize(64, 44);
        frame.setMaxSize(64, 44);
        number.getStyleClass().add("scene-number");
        words.getStyleClass().add("scene-words");
        words.setWrapText(true);
        words.setMaxHeight(36);
        unsaved.getStyleClass().add("unsaved-dot");
        unsaved.setAccessibleText(texts.get("editor.scene.unsaved"));
        upload.getStyleClass().add("upload-bar");
        upload.setMaxWidth(Double.MAX_VALUE);
        upload.setVisible(false);
        upload.setManaged(false);
        VBox text = new VBox(2, number, words, upload);
        HBox.setHgrow(text, Priority.ALWAYS);
        box = new HBox(10, frame, text, unsaved);
        box.setAlignment(Pos.CENTER_LEFT);
        getStyleClass().add("scene-cell");
        words.setMinWidth(0);
        text.setMinWidth(0);
        setPrefWidth(0); // the strip's width decides, long texts wrap instead of scrolling sideways
        enableDragToReorder(move);
    }

    private void enableDragToReorder(BiConsumer<Integer, Integer> move) {
        setOnDragDetected(e -> {
            if (isEmpty()) {
                return;
            }
            var board = startDragAndDrop(TransferMode.MOVE);
            board.setDragView(snapshot(null, null));
            ClipboardContent content = new ClipboardContent();
            content.put(SCENE_INDEX, getIndex());
            board.setContent(content);
            e.consume();
        });
        // Only scene drags are handled here; files dropped on a cell go on to the strip (many-file upload).
        setOnDragOver(e -> {
            if (e.getGestureSource() instanceof SceneCell source && source.getListView() == getListView()
                    && e.getDragboard().hasContent(SCENE_INDEX)) {
                e.acceptTransferModes(TransferMode.MOVE);
                pseudoClassStateChanged(DROP_TARGET, true);
                e.consume();
            }
        });
        setOnDragExited(e -> pseudoClassStateChanged(DROP_TARGET, false));
        setOnDragDropped(e -> {
            if (e.getDragboard().hasContent(SCENE_INDEX)) {
                int from = (Integer) e.getDragboard().getContent(SCENE_INDEX);
                int to = isEmpty() ? getListView().getItems().size() - 1 : getIndex();
                move.accept(from, to);
                e.setDropCompleted(true);
                e.consume();
            }
        });
    }

    @Override
    protected void updateItem(SceneItem item, boolean empty) {
        SceneItem old = getItem();
        if (old != null) {
            old.sceneProperty().removeListener(refresh);
            old.thumbnailProperty().removeListener(reloadThumbnail);
            old.unsavedProperty().removeListener(refresh);
            upload.progressProperty().unbind();
            upload.visibleProperty().unbind();
        }
        super.updateItem(item, empty);
        if (empty || item == null) {
            setGraphic(null);
            setText(null);
            setAccessibleText(null);
            return;
        }
        item.sceneProperty().addListener(refresh);
        item.thumbnailProperty().addListener(reloadThumbnail);
        showThumbnail(item.thumbnailProperty().get());
        item.unsavedProperty().addListener(refresh);
        upload.progressProperty().bind(item.uploadProgressProperty());
        upload.visibleProperty().bind(item.uploadProgressProperty().greaterThanOrEqualTo(0));
        upload.managedProperty().bind(upload.visibleProperty());
        show(item);
        setGraphic(box);
    }

    private void showThumbnail(Path file) {
        // Loaded in the background; a replaced image arrives as a new value (see SceneItem#showThumbnail).
        thumbnail.setImage(file == null ? null : new Image(file.toUri().toString(), 128, 88, true, true, true));
    }

    private void show(SceneItem item) {
        if (item == null) {
            return;
        }
        Scene scene = item.scene();
        number.setText(texts.get("editor.scene.title", scene.sequence()));
        String text = scene.text().strip().replaceAll("\\s+", " ");
        words.setText(text.isEmpty() ? texts.get("editor.scene.noText")
                : text.length() <= WORDS ? text : text.substring(0, WORDS).strip() + "…");
        unsaved.setVisible(item.unsavedProperty().get());
        setAccessibleText(number.getText() + ": " + words.getText());
    }
}
