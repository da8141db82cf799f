package com.storymimi.studio.service.bundle;

import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/**
 * Export and import of story bundles. A bundle that cannot be read (truncated, tampered with, of an unknown
 * version, with a path outside its root) fails with {@link com.storymimi.studio.service.ServiceException.Reason#INVALID}
 * and a sentence saying which, before anything is written.
 */
public interface BundleService {

    /** What to do with a story of the bundle whose id the project has already. */
    enum OnExisting {
        /** Leave the project's story as it is. */
        SKIP,
        /** Move the project's story to the trash and import the bundle's in its place, with the same ids. */
        REPLACE,
        /** Import the bundle's story as a new one beside it (new ids, the title marked as a copy). */
        COPY
    }

    /** How far an export or import is: files done of all, and the one being copied now. */
    record Progress(int filesDone, int filesTotal, String current) {
    }

    /** What an export or import did, story by story, and what it could not carry over. */
    record Report(int stories, int scenes, int files, long bytes, List<String> skipped, List<String> notes) {

        public Report {
            skipped = List.copyOf(skipped);
            notes = List.copyOf(notes);
        }
    }

    /**
     * Writes the stories with their scenes and media to {@code target}: a temporary file beside it, renamed over it
     * when complete, so {@code target} is either the old file or the whole new bundle. Media that Storage does not
     * have (or a URL that is not this project's) is left out and named in the report's notes.
     */
    CompletableFuture<Report> export(List<UUID> storyIds, Path target, Consumer<Progress> progress);

    /** The stories a bundle holds (checked, not imported): for asking what to do with those that exist already. */
    CompletableFuture<List<BundleStory>> contents(Path bundle);

    /**
     * Imports every story of the bundle: each story with its scenes in one transaction, its media uploaded first
     * (and removed again if the story cannot be written). Every file's checksum is verified before anything is
     * written. A story's user is kept when the project has that user, otherwise the story comes without one.
     */
    CompletableFuture<Report> importBundle(Path bundle, OnExisting onExisting, Consumer<Progress> progress);

    /**
     * Copies the stories from this project to {@code target} in one step: exported to a private temporary bundle,
     * imported there as {@link #importBundle} does, the bundle deleted afterwards however it ends. Progress counts
     * each file twice (read here, written there); the report is the import's, with the export's notes first.
     */
    CompletableFuture<Report> publish(List<UUID> storyIds, BundleService target, OnExisting onExisting,
                                      Consumer<Progress> progress);
}
