package com.storymimi.studio.app;

import com.storymimi.studio.local.LocalSandbox;
import com.storymimi.studio.local.SandboxOptions;
import com.storymimi.studio.model.Scene;
import com.storymimi.studio.model.StoryDetail;
import com.storymimi.studio.service.SupabaseStoryService;
import com.storymimi.studio.supabase.SupabaseClient;
import com.storymimi.studio.supabase.SupabaseConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code ./studio export} and {@code ./studio import} as an operator runs them: a story of one installation's
 * sandbox written to a bundle and imported into another's, identical; wrong command lines and damaged bundles
 * get one sentence and a non-zero status.
 */
class BundleCommandTest {

    @TempDir
    Path temp;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(Path home, String... args) throws Exception {
        AppPaths paths = AppPaths.resolve(home.toString(), Map.of(), "Linux", temp.resolve("nobody")).createDirectories();
        return new BundleCommand(paths, Map.of(BundleCommand.CALLER_DIR_VARIABLE, temp.toString()),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8))
                .run(args);
    }

    private static <T> T read(Path home, Function<SupabaseStoryService, T> query) throws Exception {
        try (LocalSandbox sandbox = LocalSandbox.start(new SandboxOptions(home.resolve("data/sandbox"), 0, true));
             SupabaseClient client = SupabaseClient.create(new SupabaseConfig(sandbox.baseUrl(), sandbox.anonKey(),
                     Duration.ofSeconds(10)))) {
            client.auth().signInWithPassword(sandbox.editorEmail(), sandbox.editorPassword()).join();
            return query.apply(new SupabaseStoryService(client.rest()));
        }
    }

    @Test
    void aStoryExportedFromOneSandboxIsImportedIntoAnotherIdentical() throws Exception {
        Path first = temp.resolve("first");
        Path second = temp.resolve("second");
        UUID storyId = read(first, stories -> stories.recent(30).join().stream()
                .map(story -> stories.detail(story.storyId()).join().orElseThrow())
                .filter(detail -> detail.scenes().size() > 1 && detail.scenes().getFirst().imageUrl() != null)
                .findFirst().orElseThrow().story().storyId());
        StoryDetail before = read(first, stories -> stories.detail(storyId).join().orElseThrow());

        assertEquals(0, run(first, "--export", "--out", "story.storymimi", storyId.toString()), err.toString());
        assertTrue(Files.size(temp.resolve("story.storymimi")) > 0, "the relative path means the caller's folder");
        assertTrue(out.toString().contains("Exported 1 story (" + before.scenes().size() + " scenes"), out.toString());

        // Every sandbox starts with the same demo stories: this one goes first, so the import is not skipped.
        read(second, stories -> stories.delete(storyId).join());
        assertEquals(0, run(second, "--import", "story.storymimi"), err.toString());
        assertTrue(out.toString().contains("Imported 1 story (" + before.scenes().size() + " scenes"), out.toString());
        StoryDetail after = read(second, stories -> stories.detail(storyId).join().orElseThrow());
        assertEquals(before.story().title(), after.story().title());
        assertEquals(texts(before), texts(after));
        assertEquals(before.scenes().stream().map(scene -> scene.imageUrl() != null).toList(),
                after.scenes().stream().map(scene -> scene.imageUrl() != null).toList(), "every image came along");

        assertEquals(0, run(second, "--import", "story.storymimi"), err.toString());
        assertTrue(out.toString().contains("Skipped “" + before.story().title() + "”: it is there already"), out.toString());
    }

    @Test
    void aWrongCommandLineOrADamagedBundleSaysWhatIsWrong() throws Exception {
        Path home = temp.resolve("home");
        assertEquals(2, run(home, "--export", "--out", "x.storymimi", "not-an-id"));
        assertTrue(err.toString().contains("not a story id: not-an-id"), err.toString());
        assertEquals(2, run(home, "--import", "x.storymimi", "--on-existing", "merge"));
        assertTrue(err.toString().contains("--on-existing is skip, replace or copy, not merge"), err.toString());
        assertEquals(2, run(home, "--import", "x.storymimi", "--profile", "nope"));
        assertTrue(err.toString().contains("no profile nope"), err.toString());

        Files.writeString(temp.resolve("broken.storymimi"), "not a zip");
        assertEquals(1, run(home, "--import", "broken.storymimi"));
        assertTrue(err.toString().contains("broken.storymimi is damaged or incomplete"), err.toString());
    }

    private static List<String> texts(StoryDetail detail) {
        return detail.scenes().stream().map(Scene::text).toList();
    }
}
