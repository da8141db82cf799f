package com.storymimi.studio.app;

import com.storymimi.studio.model.Scene;
import com.storymimi.studio.ui.editor.SceneItem;
import com.storymimi.studio.ui.testing.InMemoryCatalog;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.image.ImageView;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.HBox;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;

import java.util.Objects;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The storyboard player in the real window over the demo backend: F5 in the editor opens it on scene 1 with its
 * image; the keys step, pause and close; a thumbnail of the strip jumps; a scene without narration says so.
 */
class StoryboardUiTest extends DemoWindowTest {

    @Start
    void start(Stage stage) throws Exception {
        startApp(stage);
    }

    @Test
    void f5PlaysTheStoryTheKeysAndTheStripMoveThroughItAndEscCloses(FxRobot robot) throws Exception {
        ListView<SceneItem> strip = openParrot(robot);
        Scene fourth = strip.getItems().get(3).scene();
        catalog().setMedia(fourth.sceneId(), fourth.imageUrl(), null); // the generator never narrated scene 4

        robot.type(KeyCode.F5);
        waitUntil(() -> player().isPresent());
        Node root = player().orElseThrow().getScene().getRoot();
        Label position = (Label) root.lookup(".storyboard-muted");
        ImageView image = (ImageView) root.lookup("#imageView");
        waitUntil(() -> "Scene 1 of 5".equals(position.getText()));
        waitUntil(() -> image.getImage() != null && image.getImage().getProgress() == 1.0);
        assertEquals(strip.getItems().getFirst().scene().text(), ((Label) root.lookup(".storyboard-caption")).getText());
        assertEquals(5, ((HBox) root.lookup("#strip")).getChildren().size(), "one thumbnail a scene");

        robot.type(KeyCode.SPACE);
        Label state = (Label) root.lookup(".storyboard-state");
        waitUntil(() -> "Paused".equals(state.getText()) && state.isVisible());
        robot.type(KeyCode.RIGHT);
        waitUntil(() -> "Scene 2 of 5".equals(position.getText()));
        assertEquals("Paused", state.getText(), "stepping while paused stays paused");
        robot.type(KeyCode.END);
        waitUntil(() -> "Scene 5 of 5".equals(position.getText()));
        robot.type(KeyCode.HOME);
        waitUntil(() -> "Scene 1 of 5".equals(position.getText()));

        robot.clickOn(((HBox) root.lookup("#strip")).getChildren().get(3));
        waitUntil(() -> "Scene 4 of 5".equals(position.getText()));
        waitUntil(() -> root.lookupAll(".storyboard-notice").stream().anyMatch(n ->
                "Scene 4 has no narration: it stays for its reading time.".equals(((Label) n).getText())));

        robot.type(KeyCode.ESCAPE);
        waitUntil(() -> player().isEmpty());
        assertTrue(robot.lookup("#titleField").queryAs(TextField.class).isVisible(), "back in the editor");
        assertFalse(Window.getWindows().stream().anyMatch(w -> w.getScene() != null
                && w.getScene().getRoot().getStyleClass().contains("storyboard")), "the player's window is gone");
    }

    /**
     * Left alone, the player plays: scene 1's narration starts (the test run's ALSA null device ends it at once),
     * the page turns after the shortest reading time, and scene 2's narration, built ahead, plays at once.
     */
    @Test
    void leftAloneItPlaysSceneAfterSceneByTheirNarration(FxRobot robot) throws Exception {
        openParrot(robot);
        robot.type(KeyCode.F5);
        waitUntil(() -> player().isPresent());
        Label position = (Label) player().orElseThrow().getScene().getRoot().lookup(".storyboard-muted");
        waitUntil(() -> "Scene 1 of 5".equals(position.getText()));
        waitUntil(() -> "Scene 2 of 5".equals(position.getText()));
        waitUntil(() -> "Scene 3 of 5".equals(position.getText()));
        robot.type(KeyCode.ESCAPE);
        waitUntil(() -> player().isEmpty());
    }

    private static Optional<Window> player() {
        return Window.getWindows().stream().filter(Window::isShowing)
                .filter(w -> w.getScene() != null && w.getScene().getRoot().getStyleClass().contains("storyboard"))
                .findFirst();
    }

    private InMemoryCatalog catalog() {
        return Objects.requireNonNull(backends.lastCatalog);
    }
}
