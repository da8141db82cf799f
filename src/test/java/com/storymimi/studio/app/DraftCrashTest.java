package com.storymimi.studio.app;

import com.storymimi.studio.ui.editor.SceneTextDraft;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The app killed with SIGKILL while an editor types (issue #19, crashes): a child JVM writes a scene's draft the
 * way the editor does on every pause in typing, many times a second, and is killed at a random moment. On the
 * next start the draft store offers the text back, whole: the last draft the child confirmed, or a later one,
 * never a torn file and never nothing.
 */
class DraftCrashTest {

    private static final UUID STORY = UUID.fromString("5b0f3c1e-2d4a-4e8b-9c1f-5a3d2e1b0c9f");
    private static final UUID SCENE = UUID.fromString("6c1f3c1e-2d4a-4e8b-9c1f-5a3d2e1b0c9f");

    @TempDir
    Path dir;

    /** The child: saves drafts "text 1", "text 2", ... and prints each number once the store confirmed it. */
    public static void main(String[] args) throws Exception {
        ExecutorService io = Executors.newSingleThreadExecutor();
        FileDraftStore store = new FileDraftStore(Path.of(args[0]), io);
        for (int i = 1; ; i++) {
            store.save(new SceneTextDraft(SCENE, STORY, "text " + i + " " + "typed words ".repeat(200),
                    Instant.parse("2026-12-07T09:00:00Z"), Instant.now())).join();
            System.out.println(i);
            System.out.flush();
        }
    }

    @Test
    void killedWhileTypingTheNextStartOffersTheLastConfirmedTextOrALaterOne() throws Exception {
        for (int cycle = 0; cycle < 5; cycle++) {
            Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-cp", System.getProperty("java.class.path"), DraftCrashTest.class.getName(), dir.toString())
                    .redirectErrorStream(true).start();
            BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
            int confirmed = 0;
            int target = 20 + cycle * 37;
            for (String line = out.readLine(); line != null && confirmed < target; line = out.readLine()) {
                confirmed = Integer.parseInt(line.strip());
            }
            child.destroyForcibly();
            assertTrue(child.waitFor(10, TimeUnit.SECONDS));

            ExecutorService io = Executors.newSingleThreadExecutor();
            try {
                List<SceneTextDraft> offered = new FileDraftStore(dir, io).forStory(STORY).join();
                assertEquals(1, offered.size(), "the draft is offered back");
                String text = offered.getFirst().text();
                int number = Integer.parseInt(text.substring("text ".length(), text.indexOf(' ', "text ".length())));
                assertTrue(number >= confirmed, "at least the last confirmed draft: " + number + " < " + confirmed);
                assertTrue(text.endsWith("typed words "), "whole, not torn");
            } finally {
                io.shutdown();
            }
        }
    }
}
