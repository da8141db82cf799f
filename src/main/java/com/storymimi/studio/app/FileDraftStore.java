package com.storymimi.studio.app;

import com.google.gson.Gson;
import com.storymimi.studio.ui.editor.DraftStore;
import com.storymimi.studio.ui.editor.SceneTextDraft;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

/**
 * {@link DraftStore} as one JSON file per scene ({@code <dir>/<scene_id>.json}), written atomically through
 * {@link JsonFile}. All work runs on one single-threaded executor, so a save followed by a remove of the same
 * scene happen in that order.
 */
final class FileDraftStore implements DraftStore {

    private static final Gson GSON = new Gson();

    private final Path dir;
    private final Executor io;

    /** @param io a single-threaded executor (the app's disk thread) */
    FileDraftStore(Path dir, Executor io) {
        this.dir = Objects.requireNonNull(dir, "dir");
        this.io = Objects.requireNonNull(io, "io");
    }

    /** The file form: instants as ISO strings, so Gson needs no adapters and no reflective access to java.time. */
    private record StoredDraft(String sceneId, String storyId, String text, String baseUpdatedAt, String writtenAt) {

        static StoredDraft of(SceneTextDraft draft) {
            return new StoredDraft(draft.sceneId().toString(), draft.storyId().toString(), draft.text(),
                    string(draft.baseUpdatedAt()), string(draft.writtenAt()));
        }

        SceneTextDraft toDraft() {
            return new SceneTextDraft(UUID.fromString(sceneId), UUID.fromString(storyId), text,
                    instant(baseUpdatedAt), instant(writtenAt));
        }

        private static String string(Instant instant) {
            return instant == null ? null : instant.toString();
        }

        private static Instant instant(String text) {
            return text == null ? null : Instant.parse(text);
        }
    }

    @Override
    public CompletableFuture<Void> save(SceneTextDraft draft) {
        return CompletableFuture.runAsync(() -> {
            try {
                file(draft.sceneId()).write(StoredDraft.of(draft));
            } catch (IOException e) {
                throw new UncheckedIOException("could not keep the draft of scene " + draft.sceneId(), e);
            }
        }, io);
    }

    @Override
    public CompletableFuture<List<SceneTextDraft>> forStory(UUID storyId) {
        return CompletableFuture.supplyAsync(() -> {
            List<SceneTextDraft> found = new ArrayList<>();
            if (!Files.isDirectory(dir)) {
                return found;
            }
            try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, "*.json")) {
                for (Path path : files) {
                    read(path).filter(d -> d.storyId().equals(storyId)).ifPresent(found::add);
                }
            } catch (IOException e) {
                throw new UncheckedIOException("could not list the drafts in " + dir, e);
            }
            return found;
        }, io);
    }

    private Optional<SceneTextDraft> read(Path path) {
        try {
            return new JsonFile(path, GSON, true).<StoredDraft>read(StoredDraft.class).map(StoredDraft::toDraft);
        } catch (RuntimeException malformed) {
            return Optional.empty(); // a draft with a broken id is not one of this story's
        }
    }

    @Override
    public CompletableFuture<Void> remove(UUID sceneId) {
        return CompletableFuture.runAsync(() -> {
            try {
                Files.deleteIfExists(file(sceneId).path());
            } catch (IOException e) {
                throw new UncheckedIOException("could not remove the draft of scene " + sceneId, e);
            }
        }, io);
    }

    private JsonFile file(UUID sceneId) {
        // Drafts are the person's own words: owner-only like the profiles file.
        return new JsonFile(dir.resolve(sceneId + ".json"), GSON, true);
    }
}
