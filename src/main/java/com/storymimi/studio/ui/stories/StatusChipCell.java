package com.storymimi.studio.ui.stories;

import atlantafx.base.theme.Styles;
import com.storymimi.studio.model.StoryStatus;
import com.storymimi.studio.ui.common.Texts;
import javafx.css.PseudoClass;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;

import java.util.Map;

/**
 * A story's status as a coloured chip: AtlantaFX's success / accent / warning / danger colours, chosen in
 * studio.css by a pseudo-class per status. A pseudo-class change only restyles the chip; a style class change
 * would look its styles up again, and paging changes the chips of every row. The chip stays the cell's graphic
 * and is hidden while the cell is empty: a table gives its cells an empty turn on every page, and taking the
 * chip out and putting it back made JavaFX style it from scratch twice per row and page.
 */
final class StatusChipCell<S> extends TableCell<S, StoryStatus> {

    /** The AtlantaFX style class of each status, for controls that take it as a variant (the filter chips). */
    static final Map<StoryStatus, String> STYLES = Map.of(
            StoryStatus.COMPLETED, Styles.SUCCESS,
            StoryStatus.GENERATING, Styles.ACCENT,
            StoryStatus.PENDING, Styles.WARNING,
            StoryStatus.ERROR, Styles.DANGER);
    private static final Map<StoryStatus, PseudoClass> STATES = Map.of(
            StoryStatus.COMPLETED, PseudoClass.getPseudoClass("story-completed"),
            StoryStatus.GENERATING, PseudoClass.getPseudoClass("story-generating"),
            StoryStatus.PENDING, PseudoClass.getPseudoClass("story-pending"),
            StoryStatus.ERROR, PseudoClass.getPseudoClass("story-error"));

    private final Texts texts;
    private final Label chip = new Label();

    StatusChipCell(Texts texts) {
        this.texts = texts;
        chip.getStyleClass().add("status-chip");
        chip.setVisible(false);
        setGraphic(chip);
    }

    @Override
    protected void updateItem(StoryStatus status, boolean empty) {
        super.updateItem(status, empty);
        chip.setVisible(!empty && status != null);
        if (chip.isVisible()) {
            STATES.forEach((candidate, state) -> chip.pseudoClassStateChanged(state, candidate == status));
            chip.setText(texts.get("story.status." + status.name()));
        }
    }
}
