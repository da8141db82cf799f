package com.storymimi.studio.ui.storage;

import com.storymimi.studio.model.StorageEntry;
import javafx.scene.control.TableCell;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import org.kordamp.ikonli.javafx.FontIcon;

import java.util.Optional;
import java.util.function.Function;

/**
 * A row's name with its icon, or a small thumbnail for an image. Thumbnails load in the background at their
 * display size, so a page of 200 images neither blocks the FX thread nor holds full-size pictures.
 */
final class EntryNameCell extends TableCell<StorageEntry, StorageEntry> {

    private static final double THUMB = 28;

    private final Function<StorageEntry, Optional<String>> thumbnails;
    private final ImageView thumbnail = new ImageView();

    EntryNameCell(Function<StorageEntry, Optional<String>> thumbnails) {
        this.thumbnails = thumbnails;
        thumbnail.setFitWidth(THUMB);
        thumbnail.setFitHeight(THUMB);
        thumbnail.setPreserveRatio(true);
        getStyleClass().add("storage-name-cell");
    }

    @Override
    protected void updateItem(StorageEntry entry, boolean empty) {
        super.updateItem(entry, empty);
        if (empty || entry == null) {
            setText(null);
            setGraphic(null);
            return;
        }
        setText(entry.name());
        Optional<String> url = thumbnails.apply(entry);
        if (url.isPresent()) {
            String current = thumbnail.getImage() == null ? null : thumbnail.getImage().getUrl();
            if (!url.get().equals(current)) {
                thumbnail.setImage(new Image(url.get(), THUMB * 2, THUMB * 2, true, true, true));
            }
            setGraphic(thumbnail);
        } else {
            setGraphic(new FontIcon(entry.folder() ? "mdi2f-folder" : entry.isAudio() ? "mdi2m-music-note"
                    : "mdi2f-file-outline"));
        }
    }
}
