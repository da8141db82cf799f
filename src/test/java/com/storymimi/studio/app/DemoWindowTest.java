package com.storymimi.studio.app;

import com.storymimi.studio.model.StoryRow;
import com.storymimi.studio.ui.editor.SceneItem;
import javafx.scene.control.ListView;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;

/**
 * Base of the TestFX tests that drive the real window over the in-memory demo backend: a fresh app with its own
 * {@code storymimi.home} for every test, stopped afterwards. TestFX only finds {@code @Start} methods declared
 * on the test class itself, so each subclass has a one-line {@code @Start} that calls {@link #startApp}.
 */
@ExtendWith(ApplicationExtension.class)
abstract class DemoWindowTest {

    @TempDir
    Path home;

    StudioApp app;
    DemoBackendFactory backends;

    void startApp(Stage stage) throws Exception {
        startApp(stage, Duration.ofMillis(20));
    }

    /** @param latency how long each demo service call takes (longer to see work in progress) */
    void startApp(Stage stage, Duration latency) throws Exception {
        System.setProperty(AppPaths.HOME_PROPERTY, home.toString());
        backends = new DemoBackendFactory(latency, 3);
        app = new StudioApp(backends, Map.of());
        app.init();
        app.start(stage);
    }

    @AfterEach
    void stopApp() throws Exception {
        WaitForAsyncUtils.asyncFx(() -> app.stop()).get(10, TimeUnit.SECONDS);
        System.clearProperty(AppPaths.HOME_PROPERTY);
    }

    /** 15 s: enough for the slow demo backends some tests use to see work in progress. */
    static void waitUntil(BooleanSupplier condition) throws TimeoutException {
        WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, condition::getAsBoolean);
    }

    static final String PARROT = "Finn and the Chatty Parrot";

    /** Opens the demo story "Finn and the Chatty Parrot" (five scenes) from the stories list; its scene strip. */
    static ListView<SceneItem> openParrot(FxRobot robot) throws TimeoutException {
        robot.clickOn("#storiesButton");
        TableView<StoryRow> table = robot.lookup("#storiesTable").queryTableView();
        waitUntil(() -> table.getItems().stream().anyMatch(r -> r.story().title().equals(PARROT)));
        StoryRow row = table.getItems().stream().filter(r -> r.story().title().equals(PARROT)).findFirst().orElseThrow();
        robot.interact(() -> {
            table.getSelectionModel().select(row);
            table.requestFocus();
        });
        robot.type(KeyCode.ENTER);
        waitUntil(() -> robot.lookup("#titleField").tryQuery().isPresent()
                && PARROT.equals(robot.lookup("#titleField").queryAs(TextField.class).getText()));
        ListView<SceneItem> strip = robot.lookup("#sceneList").queryListView();
        waitUntil(() -> strip.getItems().size() == 5 && strip.getSelectionModel().getSelectedIndex() == 0);
        return strip;
    }
}
