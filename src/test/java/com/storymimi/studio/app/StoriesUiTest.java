package com.storymimi.studio.app;

import com.storymimi.studio.model.Scene;
import com.storymimi.studio.model.Story;
import com.storymimi.studio.model.StoryRow;
import com.storymimi.studio.model.StoryStatus;
import com.storymimi.studio.model.User;
import com.storymimi.studio.ui.editor.SceneItem;
import com.storymimi.studio.ui.editor.StoryEditorView;
import com.storymimi.studio.ui.testing.InMemoryCatalog;
import com.storymimi.studio.ui.testing.MediaSamples;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.image.ImageView;
import javafx.scene.input.ContextMenuEvent;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Drives the Stories section and the story editor in the real window over the in-memory demo backend.
 * Files cannot be dragged in from the OS under TestFX, so drops go through the Consumer the drop zone's
 * DRAG_DROPPED handler itself calls ({@link StoryEditorView#DROP_FILES}), with a {@code List<Path>}.
 */
class StoriesUiTest extends DemoWindowTest {

    @Start
    void start(Stage stage) throws Exception {
        startApp(stage);
    }

    private TableView<StoryRow> showStories(FxRobot robot) throws TimeoutException {
        robot.clickOn("#storiesButton");
        TableView<StoryRow> table = robot.lookup("#storiesTable").queryTableView();
        waitUntil(() -> table.getItems().size() == 12);
        return table;
    }

    private void open(FxRobot robot, TableView<StoryRow> table, String title) throws TimeoutException {
        StoryRow row = table.getItems().stream().filter(r -> r.story().title().equals(title)).findFirst().orElseThrow();
        robot.interact(() -> {
            table.getSelectionModel().select(row);
            table.requestFocus();
        });
        robot.type(KeyCode.ENTER);
        waitUntil(() -> robot.lookup("#titleField").tryQuery().isPresent()
                && title.equals(robot.lookup("#titleField").queryAs(TextField.class).getText()));
    }

    private InMemoryCatalog catalog() {
        return Objects.requireNonNull(backends.lastCatalog);
    }

    @Test
    void searchCreateOpenAddASceneTypeAndDropAnImage(FxRobot robot) throws Exception {
        TableView<StoryRow> table = showStories(robot);

        robot.clickOn("#storySearch").write("parrot");
        waitUntil(() -> table.getItems().size() == 1);
        assertEquals("Finn and the Chatty Parrot", table.getItems().getFirst().story().title());
        robot.type(KeyCode.ESCAPE); // clears the search
        waitUntil(() -> table.getItems().size() == 12);

        robot.press(KeyCode.CONTROL).type(KeyCode.N).release(KeyCode.CONTROL);
        robot.clickOn("#newTitleField").write("The Sleepy Fox");
        robot.clickOn("#createButton");
        waitUntil(() -> table.getItems().size() == 13 && table.getSelectionModel().getSelectedItem() != null);
        assertEquals("The Sleepy Fox", table.getItems().getFirst().story().title());

        robot.interact(table::requestFocus);
        robot.type(KeyCode.ENTER);
        waitUntil(() -> robot.lookup("#addSceneButton").tryQuery().isPresent()
                && !robot.lookup("#addSceneButton").queryAs(Button.class).isDisabled());
        assertEquals("The Sleepy Fox", robot.lookup("#titleField").queryAs(TextField.class).getText());

        robot.clickOn("#addSceneButton");
        ListView<SceneItem> strip = robot.lookup("#sceneList").queryListView();
        waitUntil(() -> strip.getItems().size() == 1);
        robot.clickOn("#textArea").write("Once upon a time");
        Story fox = catalog().allStories().stream().filter(s -> s.title().equals("The Sleepy Fox")).findFirst().orElseThrow();
        waitUntil(() -> scenesOf(fox).getFirst().text().equals("Once upon a time"));
        Label saveState = robot.lookup("#saveStateLabel").queryAs(Label.class);
        waitUntil(() -> saveState.getText().startsWith("Saved"));

        Path png = MediaSamples.write(home, "fox.png", MediaSamples.png(120, 80, 0xcc6600, 0xffeecc));
        dropOn(robot, "#imageZone", png);
        waitUntil(() -> scenesOf(fox).getFirst().imageUrl() != null);
        ImageView preview = robot.lookup("#imageView").queryAs(ImageView.class);
        waitUntil(() -> preview.getImage() != null && preview.getImage().getProgress() == 1.0);

        dropOn(robot, "#imageZone", MediaSamples.write(home, "fox.webp", MediaSamples.webp()));
        Label imageMessage = robot.lookup("#imageMessage").queryAs(Label.class);
        waitUntil(() -> "WebP is not supported: use PNG or JPEG".equals(imageMessage.getText()));
    }

    @Test
    void altDownMovesTheSelectedSceneAndTheServerGetsTheNewOrder(FxRobot robot) throws Exception {
        TableView<StoryRow> table = showStories(robot);
        open(robot, table, "Finn and the Chatty Parrot");
        ListView<SceneItem> strip = robot.lookup("#sceneList").queryListView();
        waitUntil(() -> strip.getItems().size() == 5 && strip.getSelectionModel().getSelectedIndex() == 0);
        SceneItem first = strip.getItems().getFirst();

        robot.clickOn("#textArea");
        robot.press(KeyCode.ALT).type(KeyCode.DOWN).release(KeyCode.ALT);

        waitUntil(() -> catalog().scene(first.sceneId()).orElseThrow().sequence() == 2);
        assertEquals(first, strip.getItems().get(1));
        assertEquals(first, strip.getSelectionModel().getSelectedItem(), "the moved scene stays selected");
        assertEquals("Scene 2", robot.lookup("#sceneTitle").queryAs(Label.class).getText());
    }

    /** The editor's view is built once and rebound: what the second story shows and saves is that story's only. */
    @Test
    void backAndOpenAnotherStoryShowsAndEditsOnlyThatStory(FxRobot robot) throws Exception {
        TableView<StoryRow> table = showStories(robot);
        open(robot, table, "Finn and the Chatty Parrot");
        ListView<SceneItem> strip = robot.lookup("#sceneList").queryListView();
        waitUntil(() -> strip.getItems().size() == 5);
        Story parrot = catalog().allStories().stream()
                .filter(s -> s.title().equals("Finn and the Chatty Parrot")).findFirst().orElseThrow();
        List<String> parrotTexts = catalogScenes(parrot).stream().map(Scene::text).toList();
        robot.type(KeyCode.ESCAPE);
        waitUntil(() -> table.isVisible());
        StoryRow other = table.getItems().stream()
                .filter(r -> r.sceneCount() > 0 && r.sceneCount() != 5).findFirst().orElseThrow();

        open(robot, table, other.story().title());

        waitUntil(() -> strip.getItems().size() == other.sceneCount());
        assertEquals(catalogScenes(other.story()).stream().map(Scene::sceneId).toList(),
                strip.getItems().stream().map(SceneItem::sceneId).toList());
        UUID selected = selectedSceneId(robot);
        robot.clickOn("#textArea").write(" The end.");
        waitUntil(() -> catalog().scene(selected).orElseThrow().text().endsWith(" The end."));
        assertEquals(parrotTexts, catalogScenes(parrot).stream().map(Scene::text).toList(),
                "the story shown before is not written to");
    }

    @Test
    void theRowMenuChangesTheStatusOfTheStoryClicked(FxRobot robot) throws Exception {
        TableView<StoryRow> table = showStories(robot);
        StoryRow parrot = table.getItems().stream()
                .filter(r -> r.story().title().equals("Finn and the Chatty Parrot")).findFirst().orElseThrow();
        StoryStatus target = parrot.story().status() == StoryStatus.ERROR ? StoryStatus.PENDING : StoryStatus.ERROR;
        robot.interact(() -> table.scrollTo(parrot));
        Node cell = robot.lookup((Node n) -> n instanceof TableCell<?, ?> c && c.getTableColumn() != null
                && "titleColumn".equals(c.getTableColumn().getId()) && "Finn and the Chatty Parrot".equals(c.getText()))
                .query();

        robot.rightClickOn(cell);
        // Monocle does not turn the right click into a menu request as GTK does; this is the request it would send.
        robot.interact(() -> {
            Bounds screen = cell.localToScreen(cell.getBoundsInLocal());
            cell.fireEvent(new ContextMenuEvent(ContextMenuEvent.CONTEXT_MENU_REQUESTED, 5, 5,
                    screen.getMinX() + 5, screen.getMinY() + 5, false, null));
        });

        ContextMenu menu = table.getContextMenu();
        waitUntil(menu::isShowing);
        assertEquals(parrot, table.getSelectionModel().getSelectedItem(), "the right click selects the row");
        Menu status = (Menu) menu.getItems().stream().filter(i -> "Set status".equals(i.getText())).findFirst().orElseThrow();
        MenuItem choice = status.getItems().stream()
                .filter(i -> (target == StoryStatus.ERROR ? "Error" : "Pending").equals(i.getText())).findFirst().orElseThrow();
        robot.interact(() -> {
            choice.fire();
            menu.hide();
        });
        waitUntil(() -> catalog().allStories().stream().anyMatch(s -> s.storyId().equals(parrot.story().storyId())
                && s.status() == target));
    }

    /**
     * The demo's narration is a real 16-bit WAV. The test run gives ALSA a null output device (the surefire
     * configuration points {@code XDG_CONFIG_HOME} at {@code src/test/alsa}), so JavaFX Media really decodes and
     * plays it: Play turns into Pause while it plays, the clock shows its length, and at the end it is Play again.
     */
    @Test
    void aDroppedNarrationIsStoredAndPlays(FxRobot robot) throws Exception {
        TableView<StoryRow> table = showStories(robot);
        open(robot, table, "Finn and the Chatty Parrot");
        Path wav = MediaSamples.write(home, "voice.wav", MediaSamples.wav(1.5, 440));
        UUID selected = selectedSceneId(robot);

        dropOn(robot, "#audioZone", wav);

        waitUntil(() -> catalog().scene(selected).orElseThrow().audioUrl().endsWith(".wav")
                && robot.lookup("#audioName").queryAs(Label.class).getText().equals("WAV narration"));
        Label problem = robot.lookup("#playerProblem").queryAs(Label.class);
        Button play = robot.lookup("#playButton").queryAs(Button.class);
        Label time = robot.lookup("#timeLabel").queryAs(Label.class);
        waitUntil(() -> !play.isDisabled() || !problem.getText().isEmpty());
        assertEquals("", problem.getText(), "the null sound device plays the narration");
        assertEquals("00:00 / 00:01", time.getText(), "the clock shows the narration's length once loaded");
        List<String> shown = new CopyOnWriteArrayList<>();
        play.accessibleTextProperty().addListener((obs, old, now) -> shown.add(now));

        robot.clickOn(play);

        waitUntil(() -> shown.contains("Pause") && "Play".equals(play.getAccessibleText()));
        assertEquals("", problem.getText());
    }

    @Test
    void deleteAsksNamingTheScenesAndRemovesTheStory(FxRobot robot) throws Exception {
        TableView<StoryRow> table = showStories(robot);
        StoryRow parrot = table.getItems().stream()
                .filter(r -> r.story().title().equals("Finn and the Chatty Parrot")).findFirst().orElseThrow();
        robot.interact(() -> {
            table.getSelectionModel().select(parrot);
            table.requestFocus();
        });

        robot.type(KeyCode.DELETE);
        Node question = robot.lookup((Node n) -> n instanceof Label l && l.getText() != null
                && l.getText().startsWith("Move story 'Finn and the Chatty Parrot' with 5 scenes, 5 images and 5 narrations to the trash?"))
                .query();
        assertNotNull(question);
        robot.clickOn(robot.lookup((Node n) -> n instanceof Button b && "Move to trash".equals(b.getText())).<Node>query());

        waitUntil(() -> table.getItems().size() == 11);
        assertTrue(catalog().allStories().stream().noneMatch(s -> s.storyId().equals(parrot.story().storyId())));
    }

    @Test
    void showStoriesInTheUsersFormJumpsToThatUsersStories(FxRobot robot) throws Exception {
        waitUntil(() -> robot.lookup("#table").tryQuery().isPresent());
        TableView<User> users = robot.lookup("#table").queryTableView();
        waitUntil(() -> users.getItems().size() == 3);
        User bruno = users.getItems().stream().filter(u -> u.username().equals("bruno")).findFirst().orElseThrow();
        robot.interact(() -> users.getSelectionModel().select(bruno));

        robot.clickOn("#showStoriesButton");

        waitUntil(() -> robot.lookup("#storiesTable").tryQuery().isPresent());
        TableView<StoryRow> table = robot.lookup("#storiesTable").queryTableView();
        waitUntil(() -> !table.getItems().isEmpty() && table.getItems().stream().allMatch(r -> "bruno".equals(r.username())));
        assertEquals("Stories of bruno", robot.lookup("#userFilterButton").queryAs(Button.class).getText());
        assertEquals(4, table.getItems().size());
    }

    private UUID selectedSceneId(FxRobot robot) throws TimeoutException {
        ListView<SceneItem> strip = robot.lookup("#sceneList").queryListView();
        waitUntil(() -> strip.getSelectionModel().getSelectedItem() != null);
        return strip.getSelectionModel().getSelectedItem().sceneId();
    }

    @SuppressWarnings("unchecked")
    private static void dropOn(FxRobot robot, String zone, Path file) {
        Node target = robot.lookup(zone).query();
        Consumer<List<Path>> drop = (Consumer<List<Path>>) target.getProperties().get(StoryEditorView.DROP_FILES);
        robot.interact(() -> drop.accept(List.of(file)));
    }

    private List<Scene> scenesOf(Story story) {
        return catalog().allStories().stream().anyMatch(s -> s.storyId().equals(story.storyId()))
                ? catalogScenes(story) : List.of();
    }

    private List<Scene> catalogScenes(Story story) {
        return new com.storymimi.studio.ui.testing.InMemorySceneService(catalog()).list(story.storyId()).join();
    }
}
