package com.storymimi.studio.ui.storage;

import com.storymimi.studio.model.StorageEntry;
import javafx.scene.control.TableCell;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.scene.layout.StackPane;
import org.kordamp.ikonli.javafx.FontIcon;

import java.util.Optional;
import java.util.function.Function;

/**
 * A row's name with its icon, or a small thumbnail for an image. Thumbnails load in the background at their
 * display size, so a page of 200 images neither blocks the FX thread nor holds full-size pictures. Icon and
 * thumbnail stay in the cell and are shown or hidden: a new icon per row, or a graphic taken out and put back,
 * made JavaFX style it from scratch on every page.
 */
final class EntryNameCell extends TableCell<StorageEntry, StorageEntry> {

    private static final double THUMB = 28;

    private final Function<StorageEntry, Optional<String>> thumbnails;
    private final ImageView thumbnail = new ImageView();
    private final FontIcon icon = new FontIcon("mdi2f-file-outline");
    private final StackPane graphic = new StackPane(icon, thumbnail);

    EntryNameCell(Function<StorageEntry, Optional<String>> thumbnails) {
        this.thumbnails = thumbnails;
        thumbnail.setFitWidth(THUMB);
        thumbnail.setFitHeight(THUMB);
        thumbnail.setPreserveRatio(true);
        getStyleClass().add("storage-name-cell");
        graphic.setMinWidth(THUMB); // names line up whether a row shows an icon or a thumbnail
        graphic.setVisible(false);
        setGraphic(graphic);
    }

    @Override
    protected void updateItem(StorageEntry entry, boolean empty) {
        super.updateItem(entry, empty);
        graphic.setVisible(!empty && entry != null);
        if (!graphic.isVisible()) {
            setText(null);
            return;
        }
        setText(entry.name());
        Optional<String> url = thumbnails.apply(entry);
        thumbnail.setVisible(url.isPresent());
        icon.setVisible(url.isEmpty());
        if (url.isPresent()) {
            String current = thumbnail.getImage() == null ? null : thumbnail.getImage().getUrl();
            if (!url.get().equals(current)) {
                thumbnail.setImage(new Image(url.get(), THUMB * 2, THUMB * 2, true, true, true));
            }
        } else {
            icon.setIconLiteral(entry.folder() ? "mdi2f-folder" : entry.isAudio() ? "mdi2m-music-note"
                    : "mdi2f-file-outline");
        }
    }
}
