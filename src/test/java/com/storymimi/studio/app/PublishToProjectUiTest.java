package com.storymimi.studio.app;

import atlantafx.base.controls.Notification;
import com.storymimi.studio.local.LocalSandbox;
import com.storymimi.studio.local.SandboxOptions;
import com.storymimi.studio.model.ConnectionProfile;
import com.storymimi.studio.model.Credentials;
import com.storymimi.studio.model.MediaKind;
import com.storymimi.studio.model.Scene;
import com.storymimi.studio.model.StoryDetail;
import com.storymimi.studio.model.StoryRow;
import com.storymimi.studio.service.OrphanedMedia;
import com.storymimi.studio.service.SupabaseMediaService;
import com.storymimi.studio.service.SupabaseObjectStorage;
import com.storymimi.studio.service.SupabaseStoryService;
import com.storymimi.studio.supabase.SupabaseClient;
import com.storymimi.studio.supabase.SupabaseConfig;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableView;
import javafx.scene.input.ContextMenuEvent;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * "Publish to project…" as an editor uses it, end to end: the app on its own sandbox, a second project (another
 * sandbox on a free port, saved as a Supabase profile "Staging"); right-click a demo story, Publish to project…,
 * choose Staging, sign in (the prompt answers as the editor would), leave stories that are there; the
 * notification says what arrived (and that the story's user is not in Staging, so it came without one), and Staging has the story with the same scenes and the same media bytes.
 */
@ExtendWith(ApplicationExtension.class)
class PublishToProjectUiTest {

    @TempDir
    Path home;

    private StudioApp app;
    private LocalSandbox staging;
    private final List<String> signInsAsked = new ArrayList<>();

    @Start
    void start(Stage stage) throws Exception {
        System.setProperty(AppPaths.HOME_PROPERTY, home.toString());
        staging = LocalSandbox.start(new SandboxOptions(home.resolve("staging"), 0, false));
        AppPaths paths = AppPaths.detect();
        new ProfileStore(paths.profilesFile(), Runnable::run, "Local sandbox").save(List.of(
                ConnectionProfile.localSandbox("Local sandbox"),
                ConnectionProfile.supabase("staging", "Staging", staging.baseUrl(), staging.anonKey()))).join();
        app = new StudioApp(new SupabaseBackendFactory(paths.sandboxDir(), paths.mediaCacheDir(), paths.sessionsDir(),
                (project, wrongBefore) -> {
                    signInsAsked.add(project);
                    return CompletableFuture.completedFuture(Optional.of(
                            new Credentials(staging.editorEmail(), staging.editorPassword())));
                }, Clock.systemUTC()), Map.of());
        app.init();
        app.start(stage);
    }

    private boolean stopped;

    @AfterEach
    void stop() throws Exception {
        stopApp();
        staging.close();
        System.clearProperty(AppPaths.HOME_PROPERTY);
    }

    private void stopApp() throws Exception {
        if (!stopped) {
            stopped = true;
            WaitForAsyncUtils.asyncFx(() -> app.stop()).get(20, TimeUnit.SECONDS);
        }
    }

    private static void waitUntil(java.util.concurrent.Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, condition);
    }

    @Test
    void aStoryOfTheSandboxIsPublishedToAnotherProjectWithItsScenesAndMedia(FxRobot robot) throws Exception {
        waitUntil(() -> robot.lookup("#storiesButton").tryQuery().isPresent());
        robot.clickOn("#storiesButton");
        waitUntil(() -> robot.lookup("#storiesTable").tryQuery().isPresent());
        TableView<StoryRow> table = robot.lookup("#storiesTable").queryTableView();
        waitUntil(() -> table.getItems().stream().anyMatch(r -> r.sceneCount() >= 3));
        StoryRow chosen = table.getItems().stream().filter(r -> r.sceneCount() >= 3).findFirst().orElseThrow();
        robot.interact(() -> table.scrollTo(chosen));
        Node cell = robot.lookup((Node n) -> n instanceof TableCell<?, ?> c && c.getTableColumn() != null
                && "titleColumn".equals(c.getTableColumn().getId()) && chosen.story().title().equals(c.getText()))
                .query();
        robot.rightClickOn(cell);
        robot.interact(() -> { // what GTK sends on a right click; Monocle does not
            Bounds screen = cell.localToScreen(cell.getBoundsInLocal());
            cell.fireEvent(new ContextMenuEvent(ContextMenuEvent.CONTEXT_MENU_REQUESTED, 5, 5,
                    screen.getMinX() + 5, screen.getMinY() + 5, false, null));
        });
        ContextMenu menu = table.getContextMenu();
        waitUntil(menu::isShowing);
        MenuItem publish = menu.getItems().stream().filter(i -> "Publish to project…".equals(i.getText()))
                .findFirst().orElseThrow();
        robot.interact(() -> {
            publish.fire();
            menu.hide();
        });

        clickButton(robot, "Staging");
        clickButton(robot, "Leave it");

        String expected = "Published 1 story (" + chosen.sceneCount() + " scenes, ";
        waitUntil(() -> robot.lookup((Node n) -> n instanceof Notification note && note.getMessage() != null
                && note.getMessage().startsWith(expected) && note.getMessage().contains(" files) to Staging."))
                .tryQuery().isPresent());
        assertEquals(List.of("Staging"), signInsAsked, "signed in to Staging once, for the publish");

        stopApp(); // then its sandbox's folder is read as the app left it
        try (LocalSandbox mineServer = LocalSandbox.start(new SandboxOptions(AppPaths.detect().sandboxDir(), 0, false));
             SupabaseClient local = SupabaseClient.create(new SupabaseConfig(mineServer.baseUrl(),
                     mineServer.anonKey(), Duration.ofSeconds(20)));
             SupabaseClient there = SupabaseClient.create(new SupabaseConfig(staging.baseUrl(), staging.anonKey(),
                     Duration.ofSeconds(20)))) {
            there.auth().signInWithPassword(staging.editorEmail(), staging.editorPassword()).join();
            local.auth().signInWithPassword(mineServer.editorEmail(), mineServer.editorPassword()).join();
            StoryDetail mine = new SupabaseStoryService(local.rest()).detail(chosen.story().storyId()).join().orElseThrow();
            StoryDetail theirs = new SupabaseStoryService(there.rest()).detail(chosen.story().storyId()).join()
                    .orElseThrow(() -> new AssertionError("the story is not in Staging"));
            assertEquals(mine.story().title(), theirs.story().title());
            assertEquals(mine.scenes().stream().map(s -> s.sequence() + " " + s.text()).toList(),
                    theirs.scenes().stream().map(s -> s.sequence() + " " + s.text()).toList());
            var io = Executors.newVirtualThreadPerTaskExecutor();
            SupabaseMediaService mineMedia = new SupabaseMediaService(local.rest(),
                    new SupabaseObjectStorage(local.storage()), OrphanedMedia.IGNORE, home.resolve("check-a"), io);
            SupabaseMediaService theirMedia = new SupabaseMediaService(there.rest(),
                    new SupabaseObjectStorage(there.storage()), OrphanedMedia.IGNORE, home.resolve("check-b"), io);
            for (int i = 0; i < mine.scenes().size(); i++) {
                Scene a = mine.scenes().get(i);
                Scene b = theirs.scenes().get(i);
                assertTrue(b.imageUrl() == null || b.imageUrl().startsWith(staging.baseUrl().toString()),
                        "Staging's media are Staging's own: " + b.imageUrl());
                if (a.imageUrl() != null) {
                    assertArrayEquals(Files.readAllBytes(mineMedia.localCopy(a, MediaKind.IMAGE).join()),
                            Files.readAllBytes(theirMedia.localCopy(b, MediaKind.IMAGE).join()));
                }
                if (a.audioUrl() != null) {
                    assertArrayEquals(Files.readAllBytes(mineMedia.localCopy(a, MediaKind.AUDIO).join()),
                            Files.readAllBytes(theirMedia.localCopy(b, MediaKind.AUDIO).join()));
                }
            }
        }
    }

    private static void clickButton(FxRobot robot, String text) throws Exception {
        waitUntil(() -> robot.lookup((Node n) -> n instanceof Button b && text.equals(b.getText()) && b.isVisible())
                .tryQuery().isPresent());
        robot.clickOn(robot.lookup((Node n) -> n instanceof Button b && text.equals(b.getText())).<Node>query());
    }
}
