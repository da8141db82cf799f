package com.storymimi.studio.app;

import atlantafx.base.controls.Notification;
import com.storymimi.studio.model.StoryRow;
import com.storymimi.studio.ui.editor.SceneItem;
import com.storymimi.studio.ui.editor.StoryEditorView;
import com.storymimi.studio.ui.shell.BackgroundJobsIndicator;
import com.storymimi.studio.ui.testing.MediaSamples;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ListView;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The status bar's upload queue in the real window over the demo backend (slow enough to watch): a file dropped
 * on a scene's image zone shows up as a running upload in the status bar, then a notification says it is done
 * and the indicator hides again.
 */
class StoryEditorUploadQueueUiTest extends DemoWindowTest {

    @Start
    void start(Stage stage) throws Exception {
        startApp(stage, Duration.ofMillis(250));
    }

    @Test
    @SuppressWarnings("unchecked")
    void aDroppedImageIsShownRunningInTheStatusBarThenAnnouncedAsUploaded(FxRobot robot) throws Exception {
        ListView<SceneItem> strip = openParrot(robot);
        robot.interact(() -> strip.getSelectionModel().select(2));
        waitUntil(() -> robot.lookup("#sceneTitle").tryQuery().map(n -> n.isVisible()).orElse(false));
        Button indicator = robot.lookup("#" + BackgroundJobsIndicator.ID).queryAs(Button.class);
        assertTrue(!indicator.isVisible(), "nothing runs yet");
        Path file = MediaSamples.write(home, "03.png", MediaSamples.png(64, 64, 0x335577, 0xffcc00));

        Node zone = robot.lookup("#imageZone").query();
        Consumer<List<Path>> drop = (Consumer<List<Path>>) zone.getProperties().get(StoryEditorView.DROP_FILES);
        robot.interact(() -> drop.accept(List.of(file)));

        waitUntil(() -> indicator.isVisible() && indicator.getText().startsWith("1 upload running"));
        waitUntil(() -> robot.lookup((Node n) -> n instanceof Notification note
                && "Uploaded 03.png to scene 3.".equals(note.getMessage())).tryQuery().isPresent());
        waitUntil(() -> !indicator.isVisible());
    }
}
