package com.storymimi.studio.ui.common;

import atlantafx.base.theme.Styles;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.stage.Window;

import java.util.concurrent.CompletableFuture;

/**
 * The side-by-side view of a save conflict: the server's text on the left (read-only), the person's on the
 * right (editable, so they can merge by hand). Nothing is decided by closing it: the draft stays on disk.
 */
final class ConflictDialog {

    private final Dialog<ConflictResolution> dialog = new Dialog<>();

    ConflictDialog(Texts texts, Window owner, String title, String theirs, String yours) {
        TextArea theirsArea = area(theirs, false, texts.get("conflict.theirs"));
        TextArea yoursArea = area(yours, true, texts.get("conflict.yours"));
        GridPane grid = new GridPane(12, 6);
        grid.add(new Label(texts.get("conflict.theirs")), 0, 0);
        grid.add(new Label(texts.get("conflict.yours")), 1, 0);
        grid.add(theirsArea, 0, 1);
        grid.add(yoursArea, 1, 1);
        GridPane.setHgrow(theirsArea, Priority.ALWAYS);
        GridPane.setHgrow(yoursArea, Priority.ALWAYS);
        Label explanation = new Label(texts.get("conflict.explanation"));
        explanation.setWrapText(true);
        grid.add(explanation, 0, 2, 2, 1);

        ButtonType keepTheirs = new ButtonType(texts.get("conflict.keepTheirs"), ButtonBar.ButtonData.LEFT);
        ButtonType keepMine = new ButtonType(texts.get("conflict.keepMine"), ButtonBar.ButtonData.OTHER);
        ButtonType saveMerged = new ButtonType(texts.get("conflict.saveMerged"), ButtonBar.ButtonData.OK_DONE);
        ButtonType later = new ButtonType(texts.get("conflict.later"), ButtonBar.ButtonData.CANCEL_CLOSE);
        dialog.setTitle(title);
        dialog.setHeaderText(title);
        dialog.getDialogPane().setContent(grid);
        dialog.getDialogPane().getButtonTypes().addAll(keepTheirs, keepMine, saveMerged, later);
        dialog.getDialogPane().lookupButton(saveMerged).getStyleClass().add(Styles.ACCENT);
        dialog.getDialogPane().setPrefWidth(820);
        if (owner != null) {
            dialog.initOwner(owner);
        }
        dialog.setResultConverter(button -> {
            if (button == keepTheirs) {
                return new ConflictResolution(ConflictResolution.Choice.KEEP_THEIRS, theirs);
            } else if (button == keepMine) {
                return new ConflictResolution(ConflictResolution.Choice.KEEP_MINE, yours);
            } else if (button == saveMerged) {
                return new ConflictResolution(ConflictResolution.Choice.MERGED, yoursArea.getText());
            }
            return new ConflictResolution(ConflictResolution.Choice.DECIDE_LATER, yours);
        });
    }

    private static TextArea area(String text, boolean editable, String accessible) {
        TextArea area = new TextArea(text);
        area.setEditable(editable);
        area.setWrapText(true);
        area.setPrefRowCount(14);
        area.setAccessibleText(accessible);
        return area;
    }

    CompletableFuture<ConflictResolution> show() {
        CompletableFuture<ConflictResolution> answer = new CompletableFuture<>();
        dialog.setOnHidden(e -> answer.complete(dialog.getResult() != null ? dialog.getResult()
                : new ConflictResolution(ConflictResolution.Choice.DECIDE_LATER, "")));
        dialog.show();
        return answer;
    }
}
