package com.storymimi.studio.ui.integrity;

import com.storymimi.studio.model.FindingKind;

/** One line of the findings list: the header of a kind, or one finding under it. */
public sealed interface IntegrityRow permits IntegrityRow.KindRow, FindingRow {

    /**
     * The header of a kind.
     *
     * @param title        "Unused files"
     * @param count        findings of this kind still shown
     * @param fixAllLabel  the "fix all" button's text, or "" when no finding of the kind can be fixed automatically
     */
    record KindRow(FindingKind kind, String title, int count, String fixAllLabel) implements IntegrityRow {

        public boolean canFixAll() {
            return !fixAllLabel.isEmpty();
        }
    }
}
