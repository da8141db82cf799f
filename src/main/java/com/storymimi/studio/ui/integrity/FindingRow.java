package com.storymimi.studio.ui.integrity;

import com.storymimi.studio.model.Finding;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

import java.util.Objects;

/**
 * One finding as the list shows it: its sentence, the label of its fix (or why there is none), whether its fix is
 * running and the sentence of a fix that failed.
 */
public final class FindingRow implements IntegrityRow {

    private final Finding finding;
    private final String fixLabel;
    private final String noFixReason;
    private final String storyLine;
    private final ReadOnlyBooleanWrapper fixing = new ReadOnlyBooleanWrapper(this, "fixing");
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper(this, "problem", "");

    FindingRow(Finding finding, String storyLine, String fixLabel, String noFixReason) {
        this.finding = Objects.requireNonNull(finding, "finding");
        this.storyLine = Objects.requireNonNull(storyLine, "storyLine");
        this.fixLabel = Objects.requireNonNull(fixLabel, "fixLabel");
        this.noFixReason = Objects.requireNonNull(noFixReason, "noFixReason");
    }

    public Finding finding() {
        return finding;
    }

    public String description() {
        return finding.description();
    }

    /** "Story: The Owl Who Could Not Sleep" above the sentence; "" for a file outside any story folder. */
    public String storyLine() {
        return storyLine;
    }

    /** Whether the story concerned still exists, so that the editor can open it. */
    public boolean canOpenStory() {
        return finding.storyId() != null && finding.storyTitle() != null;
    }

    public boolean fixable() {
        return finding.fixable();
    }

    /** "Delete the file"; "" for a report-only finding. */
    public String fixLabel() {
        return fixLabel;
    }

    /** Why there is no fix button; "" when there is one. */
    public String noFixReason() {
        return noFixReason;
    }

    public ReadOnlyBooleanProperty fixingProperty() {
        return fixing.getReadOnlyProperty();
    }

    /** Why the last fix did not happen ("This changed since the scan. Scan again."), or "". */
    public ReadOnlyStringProperty problemProperty() {
        return problem.getReadOnlyProperty();
    }

    void startFixing() {
        problem.set("");
        fixing.set(true);
    }

    void fixFailed(String sentence) {
        fixing.set(false);
        problem.set(sentence);
    }
}
