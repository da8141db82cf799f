package com.storymimi.studio.model;

/**
 * How far an integrity scan has come, for a progress bar and a line of text.
 *
 * @param done  units of the phase done (folders listed, scenes read)
 * @param total units of the phase in all, or -1 when not known
 */
public record ScanProgress(Phase phase, long done, long total) {

    public enum Phase {
        LISTING_FOLDERS("Listing the media folders"),
        CHECKING_SCENES("Checking scenes and their media"),
        CHECKING_LEFTOVERS("Checking folders no scene uses"),
        CHECKING_OTHER_REFERENCES("Checking media outside their story's folder");

        private final String text;

        Phase(String text) {
            this.text = text;
        }

        public String text() {
            return text;
        }
    }

    /** 0..1, or -1 when the total is not known. */
    public double fraction() {
        return total <= 0 ? -1 : Math.min(1.0, (double) done / total);
    }
}
