package com.storymimi.studio.app;

import com.storymimi.studio.model.User;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeoutException;
import java.util.function.Predicate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Drives the real main window over the in-memory demo backend, the way a person would. */
class StudioAppUiTest extends DemoWindowTest {

    @Start
    void start(Stage stage) throws Exception {
        startApp(stage, Duration.ofMillis(30));
    }

    @Test
    void aUserCreatedThroughTheFormAppearsInTheTable(FxRobot robot) throws Exception {
        TableView<User> table = usersTable(robot);
        waitUntil(() -> table.getItems().size() == 3);

        robot.clickOn("#newButton");
        robot.clickOn("#usernameField").write("zoe");
        robot.clickOn("#emailField").write("zoe@example.com");
        robot.clickOn("#saveButton");

        waitUntil(() -> table.getItems().size() == 4);
        assertEquals("zoe", table.getItems().getFirst().username(), "newest first");
        // The reload and the re-selection of the saved user land in separate FX pulses.
        waitUntil(() -> table.getSelectionModel().getSelectedItem() != null);
        assertEquals("zoe@example.com", table.getSelectionModel().getSelectedItem().email());
        assertEquals("Edit user", robot.lookup("#formTitle").queryAs(Label.class).getText());
    }

    @Test
    void anEmailThatIsTakenIsExplainedNextToTheForm(FxRobot robot) throws Exception {
        TableView<User> table = usersTable(robot);
        waitUntil(() -> table.getItems().size() == 3);

        robot.clickOn("#usernameField").write("copy");
        robot.clickOn("#emailField").write("ana@example.com");
        robot.clickOn("#saveButton");

        Label formError = robot.lookup("#formError").queryAs(Label.class);
        waitUntil(() -> formError.isVisible());
        assertEquals("That email is already used by another user. Choose another one.", formError.getText());
        assertEquals(3, table.getItems().size());
    }

    @Test
    void saveStaysDisabledWhileTheEmailIsMalformed(FxRobot robot) throws Exception {
        TableView<User> table = usersTable(robot);
        waitUntil(() -> table.getItems().size() == 3);

        robot.clickOn("#usernameField").write("zoe");
        robot.clickOn("#emailField").write("zoe.example.com");

        assertTrue(robot.lookup("#saveButton").queryAs(Button.class).isDisabled());
        assertEquals("Enter an email address like ana@example.com.",
                robot.lookup("#emailProblem").queryAs(Label.class).getText());
    }

    @Test
    void deleteAsksFirstAndRemovesTheRowWhenConfirmed(FxRobot robot) throws Exception {
        TableView<User> table = usersTable(robot);
        waitUntil(() -> table.getItems().size() == 3);
        User newest = table.getItems().getFirst();
        robot.interact(() -> {
            table.getSelectionModel().select(newest);
            table.requestFocus();
        });

        robot.type(KeyCode.DELETE);
        Predicate<Node> confirmButton = node -> node instanceof Button button
                && "Move to trash".equals(button.getText());
        waitUntil(() -> robot.lookup(confirmButton).tryQuery().isPresent()); // the question is asked
        robot.clickOn(robot.lookup(confirmButton).<Node>query());

        waitUntil(() -> table.getItems().size() == 2);
        assertTrue(table.getItems().stream().noneMatch(u -> u.userId().equals(newest.userId())));
    }

    @Test
    void theStatusBarShowsTheHealthyConnectionAndTheThemeIsRemembered(FxRobot robot) throws Exception {
        Label status = robot.lookup("#statusLabel").queryAs(Label.class);
        waitUntil(() -> status.getText().equals("Local sandbox · 3 ms"));

        robot.clickOn("#themeToggle");

        Path settings = home.resolve("config/settings.json");
        waitUntil(() -> read(settings).contains("\"theme\": \"dark\""));
    }

    /** The Users table, once the connection is open and the section is built. */
    private static TableView<User> usersTable(FxRobot robot) throws TimeoutException {
        waitUntil(() -> robot.lookup("#table").tryQuery().isPresent());
        return robot.lookup("#table").queryTableView();
    }

    private static String read(Path file) {
        try {
            return Files.exists(file) ? Files.readString(file) : "";
        } catch (Exception e) {
            return ""; // being replaced right now; the next poll reads it
        }
    }
}
