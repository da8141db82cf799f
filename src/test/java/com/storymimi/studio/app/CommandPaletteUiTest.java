package com.storymimi.studio.app;

import com.storymimi.studio.model.User;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/** The Ctrl+K command palette in the real window over the in-memory demo backend. */
class CommandPaletteUiTest extends DemoWindowTest {

    @Start
    void start(Stage stage) throws Exception {
        startApp(stage, Duration.ofMillis(20));
    }

    private TextField openPalette(FxRobot robot) throws TimeoutException {
        waitUntil(() -> robot.lookup("#table").tryQuery().isPresent()); // connected: the Users section is shown
        robot.press(KeyCode.CONTROL, KeyCode.K).release(KeyCode.K, KeyCode.CONTROL);
        TextField field = robot.lookup(".palette-field").queryAs(TextField.class);
        waitUntil(() -> paletteShown(robot) && field.isFocused());
        return field;
    }

    @Test
    void ctrlKThenPartOfAStoryTitleThenEnterOpensThatStoryInTheEditor(FxRobot robot) throws Exception {
        openPalette(robot);

        robot.write("dragon");
        waitUntil(() -> robot.lookup(".palette-title").queryAll().stream()
                .anyMatch(n -> "The Little Dragon's First Flight".equals(((javafx.scene.control.Label) n).getText())));
        robot.type(KeyCode.ENTER);

        waitUntil(() -> robot.lookup("#titleField").tryQuery().isPresent()
                && "The Little Dragon's First Flight".equals(robot.lookup("#titleField").queryAs(TextField.class).getText()));
        assertFalse(paletteShown(robot), "the palette closed");
    }

    @Test
    void runningAUserSelectsItInTheUsersSectionAndEscapeCloses(FxRobot robot) throws Exception {
        TextField field = openPalette(robot);
        robot.type(KeyCode.ESCAPE);
        waitUntil(() -> !paletteShown(robot));

        robot.clickOn("#searchField");
        waitUntil(() -> paletteShown(robot) && field.isFocused());
        robot.write("bruno");
        waitUntil(() -> brunoRow(robot).isPresent());
        // Answers for "b", "br" ... may still replace the rows; let them settle, then click where bruno's row is.
        WaitForAsyncUtils.sleep(600, TimeUnit.MILLISECONDS);
        javafx.geometry.Bounds row = brunoRow(robot).orElseThrow().localToScreen(
                brunoRow(robot).orElseThrow().getBoundsInLocal());
        robot.clickOn(row.getCenterX(), row.getCenterY());

        TableView<User> users = robot.lookup("#table").queryTableView();
        waitUntil(() -> users.getSelectionModel().getSelectedItem() != null);
        assertEquals("bruno", users.getSelectionModel().getSelectedItem().username());
    }

    /** The detail label of bruno's row as shown (a list keeps spare cells outside the scene). */
    private static java.util.Optional<javafx.scene.Node> brunoRow(FxRobot robot) {
        return robot.lookup(".palette-detail").queryAll().stream()
                .filter(n -> n.getScene() != null && ((javafx.scene.control.Label) n).getText().startsWith("bruno@"))
                .findFirst();
    }

    private static boolean paletteShown(FxRobot robot) {
        return robot.lookup(".palette-layer").query().isVisible();
    }
}
