package com.storymimi.studio.ui.palette;

import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;

import java.util.function.BiConsumer;

/**
 * A result row of one fixed height; the first row of each group names the group in its left column (rows
 * of different heights made the list jump as it was scrolled and refilled).
 */
final class PaletteItemCell extends ListCell<PaletteItem> {

    static final double HEIGHT = 30;
    private static final double GROUP_WIDTH = 64;

    private final CommandPaletteViewModel viewModel;
    private final Label header = new Label();
    private final Label title = new Label();
    private final Label detail = new Label();
    private final Label shortcut = new Label();
    private final HBox row;

    PaletteItemCell(CommandPaletteViewModel viewModel, BiConsumer<PaletteItem, MouseButton> clicked) {
        this.viewModel = viewModel;
        header.getStyleClass().add("palette-group");
        header.setMinWidth(GROUP_WIDTH);
        header.setPrefWidth(GROUP_WIDTH);
        title.getStyleClass().add("palette-title");
        detail.getStyleClass().add("palette-detail");
        shortcut.getStyleClass().add("palette-shortcut");
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        title.setMinWidth(Region.USE_PREF_SIZE);
        row = new HBox(10, header, title, detail, gap, shortcut);
        row.setAlignment(Pos.CENTER_LEFT);
        row.getStyleClass().add("palette-row");
        // The row stays the graphic and is hidden while the cell is empty: re-adding it restyled it from scratch.
        row.setVisible(false);
        setGraphic(row);
        setOnMouseClicked(event -> {
            if (!isEmpty() && getItem() != null) {
                clicked.accept(getItem(), event.getButton());
            }
        });
    }

    @Override
    protected void updateItem(PaletteItem item, boolean empty) {
        super.updateItem(item, empty);
        row.setVisible(!empty && item != null);
        if (!row.isVisible()) {
            return;
        }
        int index = getIndex();
        boolean first = index == 0 || getListView().getItems().get(index - 1).group() != item.group();
        header.setText(first ? viewModel.groupTitle(item.group()) : "");
        title.setText(item.title());
        detail.setText(item.detail());
        shortcut.setText(item.shortcut());
        shortcut.setVisible(!item.shortcut().isEmpty());
    }
}
