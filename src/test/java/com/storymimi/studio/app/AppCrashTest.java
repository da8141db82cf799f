package com.storymimi.studio.app;

import com.storymimi.studio.local.LocalSandbox;
import com.storymimi.studio.local.SandboxOptions;
import com.storymimi.studio.model.Scene;
import com.storymimi.studio.model.StoryRow;
import com.storymimi.studio.service.SupabaseSceneService;
import com.storymimi.studio.supabase.SupabaseClient;
import com.storymimi.studio.supabase.SupabaseConfig;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.control.ButtonBase;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static com.storymimi.studio.ui.testing.Fx.onFx;
import static com.storymimi.studio.ui.testing.Fx.waitUntil;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The whole app killed with SIGKILL mid-edit (issue #19, crashes). A child JVM runs StoryMimi Studio as it ships
 * (its window, headless; the embedded sandbox with the demo data), opens a story and types into its first scene,
 * whose save is refused because another editor changed the scene meanwhile; it is killed while the conflict
 * dialog is open. A second child starts the app again on the same folders and opens the story: the editor offers
 * the typed text back. (The window is driven through its nodes, as a user would: buttons fired, keys sent.)
 */
class AppCrashTest {

    private static final String TYPED = "The owl flew over the sleeping village, typed just before the crash.";
    private static final String THEIRS = "A colleague's version of this scene.";

    @TempDir
    Path home;

    /** The child: {@code type} or {@code reopen <story id>}; prints what the parent waits for. */
    public static void main(String[] args) throws Exception {
        System.setProperty(AppPaths.HOME_PROPERTY, args[0]);
        CompletableFuture<Stage> shown = new CompletableFuture<>();
        Platform.startup(() -> { });
        StudioApp app = new StudioApp();
        app.init();
        Platform.runLater(() -> {
            Stage stage = new Stage();
            app.start(stage);
            shown.complete(stage);
        });
        Stage stage = shown.get(60, TimeUnit.SECONDS);
        if (args[1].equals("type")) {
            UUID storyId = openStory(stage, null);
            System.out.println("STORY " + storyId);
            colleagueChangesTheFirstScene(Path.of(args[0]), storyId);
            onFx(() -> {
                ((TextArea) stage.getScene().lookup("#textArea")).setText(TYPED);
                return null;
            });
            waitUntil("the refused save", () -> onFx(() -> ((Label) stage.getScene().lookup("#saveStateLabel")).getText())
                    .startsWith("Not saved"));
            System.out.println("UNSAVED " + onFx(() -> ((Label) stage.getScene().lookup("#saveStateLabel")).getText()));
            Thread.sleep(Long.MAX_VALUE); // killed here, the conflict dialog open
        } else {
            openStory(stage, UUID.fromString(args[2]));
            waitUntil("the text of the reopened story", () -> onFx(() -> !((TextArea) stage.getScene().lookup("#textArea")).getText().isEmpty()));
            Thread.sleep(500); // a draft is restored right after the saved text shows
            System.out.println("TEXT " + onFx(() -> ((TextArea) stage.getScene().lookup("#textArea")).getText()));
            System.out.println("STATE " + onFx(() -> ((Label) stage.getScene().lookup("#saveStateLabel")).getText()));
            System.exit(0);
        }
    }

    /** Stories section, the story (or the first with scenes), Enter: the editor with its first scene's text. */
    private static UUID openStory(Stage stage, UUID wanted) throws Exception {
        waitUntil("the main window", () -> onFx(() -> stage.getScene() != null && stage.getScene().lookup("#storiesButton") != null));
        onFx(() -> {
            ((ButtonBase) stage.getScene().lookup("#storiesButton")).fire();
            return null;
        });
        waitUntil("the stories list", () -> onFx(() -> stage.getScene().lookup("#storiesTable") instanceof TableView<?> table
                && !table.getItems().isEmpty()));
        UUID storyId = onFx(() -> {
            @SuppressWarnings("unchecked")
            TableView<StoryRow> table = (TableView<StoryRow>) stage.getScene().lookup("#storiesTable");
            StoryRow row = table.getItems().stream()
                    .filter(r -> wanted == null ? r.sceneCount() > 1 : r.story().storyId().equals(wanted))
                    .findFirst().orElseThrow();
            table.getSelectionModel().select(row);
            table.requestFocus();
            table.fireEvent(new KeyEvent(KeyEvent.KEY_PRESSED, "", "", KeyCode.ENTER, false, false, false, false));
            return row.story().storyId();
        });
        waitUntil("the editor", () -> onFx(() -> stage.getScene().lookup("#textArea") instanceof TextArea area
                && !area.getText().isEmpty()));
        return storyId;
    }

    /** Another editor saves scene 1 through a second sandbox on the same folder (as a second app would). */
    private static void colleagueChangesTheFirstScene(Path home, UUID storyId) throws Exception {
        try (LocalSandbox sandbox = LocalSandbox.start(new SandboxOptions(home.resolve("data/sandbox"), 0, false));
             SupabaseClient client = SupabaseClient.create(
                     new SupabaseConfig(sandbox.baseUrl(), sandbox.anonKey(), Duration.ofSeconds(10)))) {
            client.auth().signInWithPassword(sandbox.editorEmail(), sandbox.editorPassword()).join();
            SupabaseSceneService scenes = new SupabaseSceneService(client.rest());
            Scene first = scenes.list(storyId).join().getFirst();
            scenes.updateText(first, THEIRS).join();
        }
    }

    @Test
    void killedWithAnUnsavedTextTheNextStartOffersItBack() throws Exception {
        Map<String, String> typed = run("type");
        assertTrue(typed.get("UNSAVED").startsWith("Not saved"), typed.toString());

        Map<String, String> reopened = run("reopen", typed.get("STORY"));

        assertEquals(TYPED, reopened.get("TEXT"), "the text typed before the crash is back in the editor");
        assertTrue(reopened.get("STATE").startsWith("Unsaved text from an earlier session restored"),
                reopened.toString());
    }

    /**
     * Runs a child until it prints UNSAVED (then kills it with SIGKILL) or exits; returns what it printed,
     * "KEY value" lines as a map.
     */
    private Map<String, String> run(String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "--enable-native-access=ALL-UNNAMED",
                "-Djava.awt.headless=true", "-Dglass.platform=Monocle", "-Dmonocle.platform=Headless",
                "-Dprism.order=sw", "-Dprism.text=t2k", AppCrashTest.class.getName(), home.toString()));
        command.addAll(List.of(args));
        Process child = new ProcessBuilder(command).redirectErrorStream(true).start();
        Map<String, String> printed = new java.util.HashMap<>();
        List<String> log = new ArrayList<>();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = out.readLine(); line != null; line = out.readLine()) {
                log.add(line);
                int space = line.indexOf(' ');
                String key = space < 0 ? line : line.substring(0, space);
                if (List.of("STORY", "UNSAVED", "TEXT", "STATE").contains(key)) {
                    printed.put(key, line.substring(space + 1));
                }
                if (key.equals("UNSAVED")) {
                    child.destroyForcibly(); // SIGKILL: no shutdown hook, no close of the editor
                    break;
                }
            }
        } finally {
            child.destroyForcibly();
        }
        assertTrue(child.waitFor(30, TimeUnit.SECONDS));
        assertTrue(printed.containsKey(args[0].equals("type") ? "UNSAVED" : "STATE"),
                () -> "the child did not get there:\n" + String.join("\n", log.subList(Math.max(0, log.size() - 40), log.size())));
        return printed;
    }
}
