package com.storymimi.studio.app;

import com.storymimi.studio.local.LocalSandbox;
import com.storymimi.studio.local.SandboxOptions;
import com.storymimi.studio.model.PageRequest;
import com.storymimi.studio.model.StoryRow;
import com.storymimi.studio.model.User;
import com.storymimi.studio.service.OrphanedMedia;
import com.storymimi.studio.service.SupabaseObjectStorage;
import com.storymimi.studio.service.SupabaseSceneService;
import com.storymimi.studio.service.SupabaseUserService;
import com.storymimi.studio.supabase.SupabaseClient;
import com.storymimi.studio.supabase.SupabaseConfig;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The walking skeleton end to end: the real window, the real backend factory, the embedded sandbox on a free
 * port, the Supabase client over HTTP, SQLite on disk. A user typed into the form must be in the database.
 */
@ExtendWith(ApplicationExtension.class)
class StudioAppSandboxUiTest {

    @TempDir
    Path home;

    private StudioApp app;

    @Start
    void start(Stage stage) {
        System.setProperty(AppPaths.HOME_PROPERTY, home.toString());
        app = new StudioApp(new SupabaseBackendFactory(sandboxDir(), home.resolve("data/media-cache"),
                home.resolve("config/sessions"), (project, wrongBefore) -> CompletableFuture.completedFuture(Optional.empty()),
                Clock.systemUTC()), Map.of());
        app.init();
        app.start(stage);
    }

    @Test
    void aUserCreatedInTheWindowIsStoredInTheSandbox(FxRobot robot) throws Exception {
        // The users view appears once the sandbox has started and the editor is signed in.
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> robot.lookup("#table").tryQuery().isPresent());
        TableView<User> table = robot.lookup("#table").queryTableView();
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> !table.getItems().isEmpty());
        int demoUsers = table.getItems().size();
        Label status = robot.lookup("#statusLabel").queryAs(Label.class);
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> status.getText().contains(" ms"));
        assertTrue(status.getText().startsWith("Local sandbox"), status.getText());

        robot.clickOn("#newButton");
        robot.clickOn("#usernameField").write("Zoe Window");
        robot.clickOn("#emailField").write("zoe.window@example.com");
        robot.clickOn("#saveButton");
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> table.getItems().size() == demoUsers + 1);
        WaitForAsyncUtils.asyncFx(() -> app.stop()).get(20, TimeUnit.SECONDS);
        System.clearProperty(AppPaths.HOME_PROPERTY);

        assertEquals(List.of("zoe.window@example.com"), storedEmailsOf("Zoe Window"));
    }

    @Test
    void sceneTextTypedInTheEditorIsSavedToTheSandbox(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> robot.lookup("#storiesButton").tryQuery().isPresent());
        robot.clickOn("#storiesButton");
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> robot.lookup("#storiesTable").tryQuery().isPresent());
        TableView<StoryRow> table = robot.lookup("#storiesTable").queryTableView();
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> table.getItems().stream().anyMatch(r -> r.sceneCount() > 0));
        StoryRow illustrated = table.getItems().stream().filter(r -> r.sceneCount() > 0).findFirst().orElseThrow();
        robot.interact(() -> {
            table.getSelectionModel().select(illustrated);
            table.requestFocus();
        });
        robot.type(KeyCode.ENTER);
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> robot.lookup("#textArea").tryQuery()
                .map(area -> !((TextArea) area).getText().isEmpty()).orElse(false));

        robot.clickOn("#textArea").type(KeyCode.END).write(" The end.");
        Label saveState = robot.lookup("#saveStateLabel").queryAs(Label.class);
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> saveState.getText().startsWith("Saved"));
        WaitForAsyncUtils.asyncFx(() -> app.stop()).get(20, TimeUnit.SECONDS);
        System.clearProperty(AppPaths.HOME_PROPERTY);

        String stored = storedFirstSceneText(illustrated.story().storyId());
        assertTrue(stored.endsWith(" The end."), stored);
    }

    private String storedFirstSceneText(UUID storyId) throws Exception {
        try (LocalSandbox sandbox = LocalSandbox.start(new SandboxOptions(sandboxDir(), 0, false));
             SupabaseClient client = SupabaseClient.create(
                     new SupabaseConfig(sandbox.baseUrl(), sandbox.anonKey(), Duration.ofSeconds(10)))) {
            client.auth().signInWithPassword(sandbox.editorEmail(), sandbox.editorPassword()).join();
            return new SupabaseSceneService(client.rest()).list(storyId).join().getFirst().text();
        }
    }

    /** Reads what the sandbox persisted, through a second sandbox on the same folder after the app stopped. */
    private List<String> storedEmailsOf(String username) throws Exception {
        try (LocalSandbox sandbox = LocalSandbox.start(new SandboxOptions(sandboxDir(), 0, false));
             SupabaseClient client = SupabaseClient.create(
                     new SupabaseConfig(sandbox.baseUrl(), sandbox.anonKey(), Duration.ofSeconds(10)))) {
            client.auth().signInWithPassword(sandbox.editorEmail(), sandbox.editorPassword()).join();
            return new SupabaseUserService(client.rest()).list(PageRequest.first(100)).join().items().stream()
                    .filter(user -> user.username().equals(username)).map(User::email).toList();
        }
    }

    private Path sandboxDir() {
        return home.resolve("data/sandbox");
    }
}
