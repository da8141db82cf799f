package com.storymimi.studio.ui.palette;

import com.storymimi.studio.ui.common.Texts;
import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

import java.util.Objects;

/**
 * The palette as an overlay over the content area: a card with the term field and the grouped result list.
 * Keys stay in the field (Up/Down move the selection, Enter runs, Escape closes); a click on a row runs it,
 * a click beside the card closes the palette.
 */
public final class CommandPaletteView {

    private static final int VISIBLE_ROWS = 12;

    private final CommandPaletteViewModel viewModel;
    private final StackPane layer = new StackPane();
    private final TextField field = new TextField();
    private final ListView<PaletteItem> list = new ListView<>();

    public CommandPaletteView(CommandPaletteViewModel viewModel, Texts texts) {
        this.viewModel = Objects.requireNonNull(viewModel, "viewModel");
        field.setPromptText(texts.get("palette.prompt"));
        field.setAccessibleText(texts.get("palette.accessible"));
        field.getStyleClass().add("palette-field");
        field.textProperty().bindBidirectional(viewModel.termProperty());
        field.addEventFilter(KeyEvent.KEY_PRESSED, this::keyPressed);

        list.setItems(viewModel.results());
        list.setFocusTraversable(false);
        list.getStyleClass().add("palette-list");
        list.setCellFactory(view -> new PaletteItemCell(viewModel, this::clicked));
        list.setFixedCellSize(PaletteItemCell.HEIGHT);
        // As tall as its rows, up to VISIBLE_ROWS: the card shrinks for short answers.
        list.prefHeightProperty().bind(Bindings.createDoubleBinding(
                () -> Math.min(Math.max(viewModel.results().size(), 1), VISIBLE_ROWS) * PaletteItemCell.HEIGHT + 4,
                viewModel.results()));
        viewModel.selectedIndexProperty().addListener((obs, old, index) -> showSelected(index.intValue()));

        Label message = new Label();
        message.getStyleClass().add("palette-message");
        message.textProperty().bind(viewModel.messageProperty());
        message.managedProperty().bind(message.textProperty().isNotEmpty());
        message.visibleProperty().bind(message.managedProperty());
        Label hint = new Label(texts.get("palette.hint"));
        hint.getStyleClass().add("palette-hint");

        VBox card = new VBox(8, field, message, list, hint);
        card.getStyleClass().add("palette-card");
        card.setMaxWidth(640);
        card.setMaxHeight(VBox.USE_PREF_SIZE);
        card.setOnMouseClicked(event -> event.consume()); // clicks in the card do not reach the backdrop
        StackPane.setAlignment(card, Pos.TOP_CENTER);

        layer.getChildren().add(card);
        layer.getStyleClass().add("palette-layer");
        layer.setViewOrder(-1); // above the section views, which are added to the same host later
        layer.setOnMouseClicked(event -> viewModel.close());
        layer.visibleProperty().bind(viewModel.openProperty());
        viewModel.openProperty().addListener((obs, was, open) -> {
            if (open) {
                Platform.runLater(field::requestFocus); // after the layer is shown, or the focus is refused
            }
        });
    }

    /** The overlay to put over the content area; invisible while the palette is closed. */
    public Node node() {
        return layer;
    }

    private void keyPressed(KeyEvent event) {
        switch (event.getCode()) {
            case UP -> viewModel.moveSelection(-1);
            case DOWN -> viewModel.moveSelection(+1);
            case ENTER -> viewModel.runSelected();
            case ESCAPE -> viewModel.close();
            default -> {
                return;
            }
        }
        event.consume();
    }

    private void clicked(PaletteItem item, MouseButton button) {
        if (button == MouseButton.PRIMARY) {
            viewModel.run(item);
        }
    }

    private void showSelected(int index) {
        if (index < 0) {
            list.getSelectionModel().clearSelection();
        } else {
            list.getSelectionModel().select(index);
            list.scrollTo(Math.max(0, index - 3));
        }
    }
}
