package com.storymimi.studio.app;

import com.storymimi.studio.model.Scene;
import com.storymimi.studio.model.StoryRow;
import com.storymimi.studio.ui.editor.SceneItem;
import com.storymimi.studio.ui.editor.StoryEditorView;
import com.storymimi.studio.ui.testing.InMemoryCatalog;
import com.storymimi.studio.ui.testing.InMemorySceneService;
import com.storymimi.studio.ui.testing.MediaSamples;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The story editor's scene strip in the real window over the demo backend: many files dropped at once (through
 * the Consumer the strip's DRAG_DROPPED handler calls, {@link StoryEditorView#DROP_FILES}) and a scene deleted
 * with the Delete key.
 */
class StoryEditorUiTest extends DemoWindowTest {

    @Start
    void start(Stage stage) throws Exception {
        startApp(stage);
    }

    @Test
    @SuppressWarnings("unchecked")
    void manyFilesDroppedOnTheStripShowThePlanAndUploadAfterConfirming(FxRobot robot) throws Exception {
        ListView<SceneItem> strip = openParrot(robot);
        UUID second = strip.getItems().get(1).sceneId();
        UUID fourth = strip.getItems().get(3).sceneId();
        String secondImageBefore = scene(second).imageUrl();
        List<Path> files = List.of(
                MediaSamples.write(home, "02.jpg", jpegHeaderAndNoise()),
                MediaSamples.write(home, "scene-4.wav", MediaSamples.wav(0.5, 500)),
                MediaSamples.write(home, "3.webp", MediaSamples.webp()),
                MediaSamples.write(home, "9.png", MediaSamples.png(16, 16, 0, 0xffffff)));

        Consumer<List<Path>> drop = (Consumer<List<Path>>) strip.getProperties().get(StoryEditorView.DROP_FILES);
        robot.interact(() -> drop.accept(files));

        waitUntil(() -> robot.lookup("#planList").tryQuery().isPresent());
        ListView<String> plan = robot.lookup("#planList").queryListView();
        assertEquals(List.of("02.jpg → scene 2 image (replaces current)",
                "scene-4.wav → scene 4 narration (replaces current)",
                "3.webp refused: WebP is not supported: use PNG or JPEG",
                "9.png → scene 9: no such scene (skipped)"), plan.getItems());
        assertEquals(secondImageBefore, scene(second).imageUrl(), "nothing uploaded before confirming");

        robot.clickOn(robot.lookup((Node n) -> n instanceof Button b && "Upload".equals(b.getText())).<Node>query());

        Label status = robot.lookup("#stripUploadStatus").queryAs(Label.class);
        waitUntil(() -> "Uploaded 2 files; 1 refused; 1 skipped.".equals(status.getText()));
        assertTrue(scene(second).imageUrl().endsWith(".jpg"), scene(second).imageUrl());
        assertTrue(scene(fourth).audioUrl().endsWith(".wav"));
        assertFalse(robot.lookup("#stopStripUploadButton").query().isVisible(), "nothing left to stop");
    }

    @Test
    void theDeleteKeyOnTheStripAsksAndDeletesTheSelectedScene(FxRobot robot) throws Exception {
        ListView<SceneItem> strip = openParrot(robot);
        SceneItem second = strip.getItems().get(1);
        UUID storyId = second.scene().storyId();
        robot.interact(() -> {
            strip.getSelectionModel().select(1);
            strip.requestFocus();
        });

        robot.type(KeyCode.DELETE);

        String words = second.scene().text().strip();
        Node question = robot.lookup((Node n) -> n instanceof Label l && l.getText() != null
                && l.getText().startsWith("Move scene 2 '") && l.getText().endsWith(
                        "' with its image and narration to the trash? Ctrl+Z brings it back.")).query();
        assertTrue(((Label) question).getText().contains(words.substring(0, Math.min(20, words.length()))));
        Node dialog = robot.lookup(".dialog-pane").query();
        robot.clickOn(robot.from(dialog).lookup((Node n) -> n instanceof Button b
                && "Move to trash".equals(b.getText())).<Node>query());

        waitUntil(() -> strip.getItems().size() == 4);
        assertTrue(catalog().scene(second.sceneId()).isEmpty());
        List<Scene> left = new InMemorySceneService(catalog()).list(storyId).join();
        assertEquals(List.of(1, 2, 3, 4), left.stream().map(Scene::sequence).toList(), "no gap");
        assertEquals(left.get(1).sceneId(), strip.getSelectionModel().getSelectedItem().sceneId());
        assertEquals("Scene 2", robot.lookup("#sceneTitle").queryAs(Label.class).getText());
    }

    /** A JPEG start (the check reads only the first bytes) and 64 KB more, so the upload takes several chunks. */
    private static byte[] jpegHeaderAndNoise() {
        byte[] bytes = new byte[64 * 1024];
        new java.util.Random(4).nextBytes(bytes);
        bytes[0] = (byte) 0xFF;
        bytes[1] = (byte) 0xD8;
        bytes[2] = (byte) 0xFF;
        bytes[3] = (byte) 0xE0;
        return bytes;
    }

    private InMemoryCatalog catalog() {
        return Objects.requireNonNull(backends.lastCatalog);
    }

    private Scene scene(UUID id) {
        return catalog().scene(id).orElseThrow();
    }
}
