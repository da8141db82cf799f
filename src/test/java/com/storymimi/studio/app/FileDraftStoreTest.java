package com.storymimi.studio.app;

import com.storymimi.studio.ui.editor.SceneTextDraft;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FileDraftStoreTest {

    @TempDir
    Path dir;

    private final ExecutorService io = Executors.newSingleThreadExecutor();
    private final UUID story = UUID.randomUUID();

    private SceneTextDraft draft(UUID scene, UUID storyId, String text) {
        return new SceneTextDraft(scene, storyId, text, Instant.parse("2025-03-01T09:00:00Z"),
                Instant.parse("2025-03-01T09:05:00Z"));
    }

    @Test
    void draftsSurviveARestartOfTheStoreAndAreFoundByStory() {
        UUID scene = UUID.randomUUID();
        new FileDraftStore(dir, io).save(draft(scene, story, "Once upon a time")).join();
        new FileDraftStore(dir, io).save(draft(UUID.randomUUID(), UUID.randomUUID(), "another story")).join();

        List<SceneTextDraft> found = new FileDraftStore(dir, io).forStory(story).join();

        assertEquals(List.of(draft(scene, story, "Once upon a time")), found);
    }

    @Test
    void aNewerDraftReplacesTheOlderOneAndRemoveForgetsIt() throws Exception {
        FileDraftStore store = new FileDraftStore(dir, io);
        UUID scene = UUID.randomUUID();
        store.save(draft(scene, story, "one"));
        store.save(draft(scene, story, "one two"));

        assertEquals("one two", store.forStory(story).join().getFirst().text());
        try (var files = Files.list(dir)) {
            assertEquals(List.of(scene + ".json"), files.map(p -> p.getFileName().toString()).toList(),
                    "one file per scene, no temp files left");
        }
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve(scene + ".json"))));

        store.remove(scene).join();
        assertTrue(store.forStory(story).join().isEmpty());
        assertFalse(Files.exists(dir.resolve(scene + ".json")));
    }

    @Test
    void aBrokenDraftFileIsSetAsideNotFatal() throws Exception {
        Files.writeString(dir.resolve(UUID.randomUUID() + ".json"), "{ not json");

        assertTrue(new FileDraftStore(dir, io).forStory(story).join().isEmpty());
    }
}
