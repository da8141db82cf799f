package com.storymimi.studio.ui.stories;

import atlantafx.base.theme.Styles;
import com.storymimi.studio.model.StoryStatus;
import com.storymimi.studio.ui.common.Texts;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;

import java.util.Map;

/** A story's status as a coloured chip: AtlantaFX's success / accent / warning / danger colours. */
final class StatusChipCell<S> extends TableCell<S, StoryStatus> {

    static final Map<StoryStatus, String> STYLES = Map.of(
            StoryStatus.COMPLETED, Styles.SUCCESS,
            StoryStatus.GENERATING, Styles.ACCENT,
            StoryStatus.PENDING, Styles.WARNING,
            StoryStatus.ERROR, Styles.DANGER);

    private final Texts texts;
    private final Label chip = new Label();

    StatusChipCell(Texts texts) {
        this.texts = texts;
        chip.getStyleClass().add("status-chip");
    }

    @Override
    protected void updateItem(StoryStatus status, boolean empty) {
        super.updateItem(status, empty);
        if (empty || status == null) {
            setGraphic(null);
            return;
        }
        String style = STYLES.get(status);
        if (!chip.getStyleClass().contains(style)) { // a change of style class costs a CSS pass over the chip
            chip.getStyleClass().removeAll(STYLES.values());
            chip.getStyleClass().add(style);
        }
        chip.setText(texts.get("story.status." + status.name()));
        setGraphic(chip);
    }
}
