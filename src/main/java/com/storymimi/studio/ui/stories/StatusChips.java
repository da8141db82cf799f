package com.storymimi.studio.ui.stories;

import com.storymimi.studio.model.StatusCounts;
import com.storymimi.studio.model.StoryStatus;
import com.storymimi.studio.ui.common.Texts;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

import java.util.EnumMap;
import java.util.Map;

/**
 * The texts of the status filter chips: "All 1,204", "Pending 12" ... Before the first counts arrive the chips
 * show their names alone, so the toolbar does not jump to zeros.
 */
public final class StatusChips {

    private final Texts texts;
    private final ReadOnlyStringWrapper all = new ReadOnlyStringWrapper(this, "all");
    private final Map<StoryStatus, ReadOnlyStringWrapper> byStatus = new EnumMap<>(StoryStatus.class);

    StatusChips(Texts texts) {
        this.texts = texts;
        all.set(texts.get("stories.chip.all"));
        for (StoryStatus status : StoryStatus.values()) {
            byStatus.put(status, new ReadOnlyStringWrapper(this, status.name(), statusName(status)));
        }
    }

    void show(StatusCounts counts) {
        all.set(texts.get("stories.chip.counted", texts.get("stories.chip.all"), counts.total()));
        byStatus.forEach((status, text) ->
                text.set(texts.get("stories.chip.counted", statusName(status), counts.of(status))));
    }

    private String statusName(StoryStatus status) {
        return texts.get("story.status." + status.name());
    }

    public ReadOnlyStringProperty allProperty() {
        return all.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty textProperty(StoryStatus status) {
        return byStatus.get(status).getReadOnlyProperty();
    }
}
