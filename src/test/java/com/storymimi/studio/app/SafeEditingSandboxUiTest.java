package com.storymimi.studio.app;

import com.storymimi.studio.local.LocalSandbox;
import com.storymimi.studio.local.SandboxOptions;
import com.storymimi.studio.model.Scene;
import com.storymimi.studio.model.StoryDetail;
import com.storymimi.studio.model.StoryRow;
import com.storymimi.studio.model.TrashItem;
import com.storymimi.studio.service.SupabaseSceneService;
import com.storymimi.studio.service.SupabaseStoryService;
import com.storymimi.studio.supabase.SupabaseClient;
import com.storymimi.studio.supabase.SupabaseConfig;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ListView;
import javafx.scene.control.TableView;
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
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

/**
 * Safe editing as an editor does it, in the real window on the embedded sandbox over HTTP: a story deleted from
 * the list comes back from the Trash with its scenes and media, a scene move and an image removal are taken back
 * with Ctrl+Z, and a text from three saves ago comes back from the History window.
 * What the sandbox stored is read afterwards through a second sandbox on the same folder.
 */
@ExtendWith(ApplicationExtension.class)
class SafeEditingSandboxUiTest {

    @TempDir
    Path home;

    private StudioApp app;

    @Start
    void start(Stage stage) {
        System.setProperty(AppPaths.HOME_PROPERTY, home.toString());
        app = new StudioApp(new SupabaseBackendFactory(home.resolve("data/sandbox"), home.resolve("data/media-cache"),
                home.resolve("config/sessions"), (project, wrongBefore) -> CompletableFuture.completedFuture(Optional.empty()),
                Clock.systemUTC()), Map.of());
        app.init();
        app.start(stage);
    }

    private static void waitUntil(Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, condition);
    }

    private TableView<StoryRow> stories(FxRobot robot) throws Exception {
        waitUntil(() -> robot.lookup("#storiesButton").tryQuery().isPresent());
        robot.clickOn("#storiesButton");
        waitUntil(() -> robot.lookup("#storiesTable").tryQuery().isPresent());
        TableView<StoryRow> table = robot.lookup("#storiesTable").queryTableView();
        waitUntil(() -> table.getItems().stream().anyMatch(r -> r.sceneCount() > 1));
        return table;
    }

    private void stopApp() throws Exception {
        WaitForAsyncUtils.asyncFx(() -> app.stop()).get(20, TimeUnit.SECONDS);
        System.clearProperty(AppPaths.HOME_PROPERTY);
    }

    @Test
    void aDeletedStoryComesBackFromTheTrashWithItsScenesAndMedia(FxRobot robot) throws Exception {
        TableView<StoryRow> table = stories(robot);
        StoryRow illustrated = table.getItems().stream().filter(r -> r.sceneCount() > 1).findFirst().orElseThrow();
        UUID storyId = illustrated.story().storyId();
        StoryDetail before = stored(client -> new SupabaseStoryService(client.rest()).detail(storyId).join().orElseThrow());
        robot.interact(() -> {
            table.getSelectionModel().select(illustrated);
            table.requestFocus();
        });

        robot.type(KeyCode.DELETE);
        waitUntil(() -> robot.lookup((Node n) -> n instanceof Button b && "Move to trash".equals(b.getText()))
                .tryQuery().isPresent());
        robot.clickOn(robot.lookup((Node n) -> n instanceof Button b && "Move to trash".equals(b.getText())).<Node>query());
        waitUntil(() -> table.getItems().stream().noneMatch(r -> r.story().storyId().equals(storyId)));

        robot.clickOn("#trashButton");
        waitUntil(() -> robot.lookup(".trash-table").tryQuery().isPresent());
        TableView<TrashItem> trash = robot.lookup(".trash-table").queryTableView();
        waitUntil(() -> trash.getItems().stream().anyMatch(item -> item.itemId().equals(storyId)));
        TrashItem item = trash.getItems().stream().filter(i -> i.itemId().equals(storyId)).findFirst().orElseThrow();
        assertEquals(illustrated.story().title(), item.label());
        robot.interact(() -> trash.getSelectionModel().select(item));
        robot.clickOn("#restoreButton");
        waitUntil(() -> trash.getItems().stream().noneMatch(i -> i.itemId().equals(storyId)));

        robot.clickOn("#storiesButton");
        waitUntil(() -> table.getItems().stream().anyMatch(r -> r.story().storyId().equals(storyId)));
        stopApp();

        StoryDetail after = stored(client -> new SupabaseStoryService(client.rest()).detail(storyId).join().orElseThrow());
        assertEquals(before, after, "the story, every scene, its media URLs and timestamps, as before");
        assertNotNull(after.scenes().getFirst().imageUrl());
    }

    @Test
    void ctrlZTakesBackASceneMove(FxRobot robot) throws Exception {
        TableView<StoryRow> table = stories(robot);
        StoryRow illustrated = table.getItems().stream().filter(r -> r.sceneCount() > 1).findFirst().orElseThrow();
        UUID storyId = illustrated.story().storyId();
        List<UUID> original = stored(client -> ids(new SupabaseSceneService(client.rest()).list(storyId).join()));
        robot.interact(() -> {
            table.getSelectionModel().select(illustrated);
            table.requestFocus();
        });
        robot.type(KeyCode.ENTER);
        waitUntil(() -> robot.lookup("#sceneList").tryQuery().isPresent());
        ListView<?> strip = robot.lookup("#sceneList").queryListView();
        waitUntil(() -> strip.getItems().size() == original.size());

        robot.clickOn("#downButton");
        waitUntil(() -> robot.lookup("#undoButton").query().isDisabled() == false);
        robot.interact(strip::requestFocus);
        robot.press(KeyCode.CONTROL).type(KeyCode.Z).release(KeyCode.CONTROL);
        waitUntil(() -> robot.lookup("#redoButton").query().isDisabled() == false);
        stopApp();

        assertEquals(original, stored(client -> ids(new SupabaseSceneService(client.rest()).list(storyId).join())),
                "the move was taken back on the server");
    }

    @Test
    void ctrlZBringsBackARemovedImageStillInStorage(FxRobot robot) throws Exception {
        TableView<StoryRow> table = stories(robot);
        StoryRow illustrated = table.getItems().stream().filter(r -> r.sceneCount() > 1).findFirst().orElseThrow();
        UUID storyId = illustrated.story().storyId();
        Scene first = stored(client -> new SupabaseSceneService(client.rest()).list(storyId).join().getFirst());
        assertNotNull(first.imageUrl(), "the demo story's first scene has an image");
        robot.interact(() -> {
            table.getSelectionModel().select(illustrated);
            table.requestFocus();
        });
        robot.type(KeyCode.ENTER);
        waitUntil(() -> robot.lookup("#removeImageButton").tryQuery().map(button -> !button.isDisabled()).orElse(false));

        robot.clickOn("#removeImageButton");
        waitUntil(() -> robot.lookup((Node n) -> n instanceof Button b && "Remove".equals(b.getText())
                && b.getScene() != robot.lookup("#removeImageButton").query().getScene()).tryQuery().isPresent());
        robot.clickOn(robot.lookup((Node n) -> n instanceof Button b && "Remove".equals(b.getText())
                && b.getScene() != robot.lookup("#removeImageButton").query().getScene()).<Node>query());
        waitUntil(() -> robot.lookup("#undoButton").query().isDisabled() == false
                && robot.lookup("#removeImageButton").query().isDisabled());
        robot.interact(() -> robot.lookup("#sceneList").query().requestFocus());
        robot.press(KeyCode.CONTROL).type(KeyCode.Z).release(KeyCode.CONTROL);
        waitUntil(() -> robot.lookup("#redoButton").query().isDisabled() == false
                && !robot.lookup("#removeImageButton").query().isDisabled());
        stopApp();

        assertEquals(first.imageUrl(), stored(client -> new SupabaseSceneService(client.rest()).list(storyId).join()
                .getFirst().imageUrl()), "the same image, the same object");
        byte[] image = stored(client -> {
            var ref = com.storymimi.studio.model.MediaRef.fromPublicUrl(first.imageUrl()).orElseThrow();
            return client.storage().from(ref.bucket()).downloadBytes(ref.key()).join();
        });
        assertEquals(true, image.length > 0, "the object was kept while the image was removed");
    }

    @Test
    void aTextFromThreeSavesAgoComesBackFromTheHistory(FxRobot robot) throws Exception {
        TableView<StoryRow> table = stories(robot);
        StoryRow illustrated = table.getItems().stream().filter(r -> r.sceneCount() > 1).findFirst().orElseThrow();
        UUID storyId = illustrated.story().storyId();
        robot.interact(() -> {
            table.getSelectionModel().select(illustrated);
            table.requestFocus();
        });
        robot.type(KeyCode.ENTER);
        waitUntil(() -> robot.lookup("#textArea").tryQuery()
                .map(area -> !((javafx.scene.control.TextArea) area).getText().isEmpty()).orElse(false));
        javafx.scene.control.TextArea text = robot.lookup("#textArea").query();
        javafx.scene.control.Label saveState = robot.lookup("#saveStateLabel").query();
        String original = text.getText();
        for (String version : List.of("First version.", "Second version.", "Third version.")) {
            robot.interact(() -> text.setText(version));
            waitUntil(() -> saveState.getText().startsWith("Saved") && version.equals(text.getText()));
            Thread.sleep(50);
        }

        robot.clickOn("#historyButton");
        waitUntil(() -> robot.lookup("#revisionList").tryQuery().isPresent());
        ListView<com.storymimi.studio.model.Revision> history = robot.lookup("#revisionList").queryListView();
        waitUntil(() -> history.getItems().size() >= 3);
        com.storymimi.studio.model.Revision threeSavesAgo = history.getItems().get(2);
        assertEquals("First version.", threeSavesAgo.field("text").orElseThrow().after());
        robot.interact(() -> history.getSelectionModel().select(threeSavesAgo));
        javafx.scene.control.TextArea before = robot.lookup("#beforeArea").query();
        assertEquals(original, before.getText(), "the text before that save, side by side");
        robot.clickOn("#restoreButton");
        waitUntil(() -> "First version.".equals(text.getText()));
        waitUntil(() -> history.getItems().size() >= 4); // the restore is a revision of its own
        stopApp();

        assertEquals("First version.", stored(client -> new SupabaseSceneService(client.rest()).list(storyId).join()
                .getFirst().text()));
    }

    private static List<UUID> ids(List<Scene> scenes) {
        return scenes.stream().map(Scene::sceneId).toList();
    }

    private interface Read<T> {
        T from(SupabaseClient client) throws Exception;
    }

    /** Reads through a second sandbox on the same folder (while the app runs, the sandbox allows it; after, too). */
    private <T> T stored(Read<T> read) throws Exception {
        try (LocalSandbox sandbox = LocalSandbox.start(new SandboxOptions(home.resolve("data/sandbox"), 0, false));
             SupabaseClient client = SupabaseClient.create(
                     new SupabaseConfig(sandbox.baseUrl(), sandbox.anonKey(), Duration.ofSeconds(10)))) {
            client.auth().signInWithPassword(sandbox.editorEmail(), sandbox.editorPassword()).join();
            return read.from(client);
        }
    }
}
