package com.storymimi.studio.ui.integrity;

import com.storymimi.studio.ui.common.Texts;
import com.storymimi.studio.ui.integrity.IntegrityRow.KindRow;
import javafx.scene.control.Button;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;

/** A kind's header (title, count, "Fix all of this kind") or one finding (sentence, fix button or why not). */
final class IntegrityRowCell extends ListCell<IntegrityRow> {

    private final IntegrityViewModel viewModel;
    private final Texts texts;

    IntegrityRowCell(IntegrityViewModel viewModel, Texts texts) {
        this.viewModel = viewModel;
        this.texts = texts;
        setPrefWidth(0); // the list's width decides, so long sentences wrap instead of scrolling sideways
    }

    @Override
    protected void updateItem(IntegrityRow row, boolean empty) {
        super.updateItem(row, empty);
        getStyleClass().removeAll("kind-row", "finding-row");
        setText(null);
        if (empty || row == null) {
            setGraphic(null);
            setAccessibleText(null);
            return;
        }
        switch (row) {
            case KindRow kind -> showKind(kind);
            case FindingRow finding -> showFinding(finding);
        }
    }

    private void showKind(KindRow kind) {
        getStyleClass().add("kind-row");
        Label title = new Label(kind.title());
        title.getStyleClass().add("title-4");
        Label count = new Label(String.valueOf(kind.count()));
        count.getStyleClass().add("kind-count");
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        HBox line = new HBox(8, title, count, gap);
        line.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        if (kind.canFixAll()) {
            Button fixAll = new Button(kind.fixAllLabel(), new FontIcon("mdi2a-auto-fix"));
            fixAll.getStyleClass().add("small");
            fixAll.setAccessibleText(kind.fixAllLabel() + ": " + kind.title());
            fixAll.setTooltip(new Tooltip(texts.get("integrity.fixAll.tooltip")));
            fixAll.disableProperty().bind(viewModel.fixingAllProperty());
            fixAll.setOnAction(e -> viewModel.fixAll(kind.kind()));
            line.getChildren().add(fixAll);
        }
        setAccessibleText(kind.title() + " " + kind.count());
        setGraphic(line);
    }

    private void showFinding(FindingRow finding) {
        getStyleClass().add("finding-row");
        Label description = new Label(finding.description());
        description.setWrapText(true);
        description.setMinWidth(0);
        description.setMaxWidth(Double.MAX_VALUE);
        description.setMinHeight(Region.USE_PREF_SIZE); // all its lines, never an ellipsis
        // A wrapped label only wraps at a width it is given: the list's width less the button and the insets.
        description.prefWidthProperty().bind(getListView().widthProperty().subtract(finding.fixable() ? 230 : 70));
        HBox.setHgrow(description, Priority.ALWAYS);
        HBox line = new HBox(12, description);
        line.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        if (finding.fixable()) {
            Button fix = new Button(finding.fixLabel());
            fix.getStyleClass().addAll("small", "fix-button");
            fix.setMinWidth(Region.USE_PREF_SIZE);
            fix.setAccessibleText(finding.fixLabel() + ": " + finding.description());
            fix.setTooltip(new Tooltip(texts.get("integrity.fix.tooltip", finding.fixLabel())));
            fix.disableProperty().bind(finding.fixingProperty());
            fix.setOnAction(e -> viewModel.fix(finding));
            line.getChildren().add(fix);
        }
        VBox box = new VBox(4);
        if (finding.canOpenStory()) {
            box.getChildren().add(storyLink(finding));
        } else if (!finding.storyLine().isEmpty()) {
            box.getChildren().add(muted(finding.storyLine(), "finding-story"));
        }
        box.getChildren().add(line);
        if (!finding.fixable()) {
            box.getChildren().add(muted(finding.noFixReason(), "no-fix-reason"));
        }
        Label problem = muted("", "fix-problem");
        problem.textProperty().bind(finding.problemProperty());
        problem.visibleProperty().bind(problem.textProperty().isNotEmpty());
        problem.managedProperty().bind(problem.visibleProperty());
        box.getChildren().add(problem);
        box.setMinWidth(0);
        setAccessibleText(finding.storyLine().isEmpty() ? finding.description()
                : finding.storyLine() + ". " + finding.description());
        setGraphic(box);
    }

    /** The story line as a link that opens the story in the editor. */
    private Hyperlink storyLink(FindingRow finding) {
        Hyperlink link = new Hyperlink(finding.storyLine());
        link.getStyleClass().add("finding-story");
        link.setWrapText(true);
        link.setMinWidth(0);
        link.setMinHeight(Region.USE_PREF_SIZE);
        link.setTooltip(new Tooltip(texts.get("integrity.openStory.tooltip")));
        link.setAccessibleText(texts.get("integrity.openStory.tooltip") + ": " + finding.storyLine());
        link.setOnAction(e -> viewModel.openStory(finding));
        return link;
    }

    private Label muted(String text, String styleClass) {
        Label label = new Label(text);
        label.setWrapText(true);
        label.setMinWidth(0);
        label.setMinHeight(Region.USE_PREF_SIZE);
        label.prefWidthProperty().bind(getListView().widthProperty().subtract(70));
        label.getStyleClass().add(styleClass);
        return label;
    }
}
