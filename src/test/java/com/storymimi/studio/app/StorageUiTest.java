package com.storymimi.studio.app;

import com.storymimi.studio.model.StorageBucket;
import com.storymimi.studio.model.StorageEntry;
import com.storymimi.studio.model.StoryStatus;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TableView;
import javafx.scene.image.ImageView;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Drives the Storage section in the real window over the demo backend (its media live in a temp folder). */
class StorageUiTest extends DemoWindowTest {

    @Start
    void start(Stage stage) throws Exception {
        startApp(stage);
    }

    @Test
    void openAFolderPreviewAnImageAndDeleteTwoFilesAfterConfirming(FxRobot robot) throws Exception {
        waitUntil(() -> robot.lookup("#usersButton").tryQuery().isPresent());
        robot.press(KeyCode.CONTROL).type(KeyCode.DIGIT3).release(KeyCode.CONTROL);
        waitUntil(() -> robot.lookup("#bucketList").tryQuery().isPresent());
        ListView<StorageBucket> buckets = robot.lookup("#bucketList").queryListView();
        waitUntil(() -> buckets.getItems().size() == 2);
        robot.clickOn(robot.lookup((Node n) -> n instanceof javafx.scene.control.ListCell<?> c
                && "story-images".equals(c.getText())).<Node>query());
        TableView<StorageEntry> table = robot.lookup("#entryTable").queryTableView();
        waitUntil(() -> !table.getItems().isEmpty() && table.getItems().stream().allMatch(StorageEntry::folder));

        // A completed demo story has at least three scenes, so its folder has at least three images.
        Set<String> completed = backends.lastCatalog.allStories().stream()
                .filter(s -> s.status() == StoryStatus.COMPLETED).map(s -> s.storyId().toString())
                .collect(Collectors.toSet());
        StorageEntry folder = table.getItems().stream().filter(e -> completed.contains(e.name())).findFirst()
                .orElseThrow();
        robot.interact(() -> {
            table.getSelectionModel().select(folder);
            table.requestFocus();
        });
        robot.type(KeyCode.ENTER);
        waitUntil(() -> !table.getItems().isEmpty() && table.getItems().stream().noneMatch(StorageEntry::folder));
        assertTrue(robot.lookup((Node n) -> n instanceof Button b && folder.name().equals(b.getText()))
                .tryQuery().isPresent(), "the breadcrumb names the folder");
        int before = table.getItems().size();

        robot.interact(() -> table.getSelectionModel().select(0));
        ImageView preview = robot.lookup("#previewImage").queryAs(ImageView.class);
        waitUntil(() -> preview.getImage() != null && preview.getImage().getProgress() == 1.0);

        List<String> doomed = table.getItems().subList(0, 2).stream().map(StorageEntry::name).toList();
        robot.interact(() -> {
            table.getSelectionModel().selectIndices(0, 1);
            table.requestFocus();
        });
        robot.type(KeyCode.DELETE);
        String expected = "Delete 2 files from story-images (" + doomed.get(0) + ", " + doomed.get(1)
                + ")? This cannot be undone.";
        waitUntil(() -> robot.lookup((Node n) -> n instanceof Label l && expected.equals(l.getText()))
                .tryQuery().isPresent());
        robot.clickOn(robot.lookup((Node n) -> n instanceof Button b && "Delete".equals(b.getText())
                && b.getScene() != table.getScene()).<Node>query());

        waitUntil(() -> table.getItems().size() == before - 2);
        assertTrue(table.getItems().stream().noneMatch(e -> doomed.contains(e.name())));

        robot.type(KeyCode.BACK_SPACE);
        waitUntil(() -> table.getItems().stream().allMatch(StorageEntry::folder) && !table.getItems().isEmpty());
        assertTrue(table.getItems().stream().anyMatch(e -> e.name().equals(folder.name())));
    }
}
