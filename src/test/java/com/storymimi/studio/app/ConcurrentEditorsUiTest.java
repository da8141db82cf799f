package com.storymimi.studio.app;

import com.storymimi.studio.local.LocalSandbox;
import com.storymimi.studio.local.SandboxOptions;
import com.storymimi.studio.model.Scene;
import com.storymimi.studio.model.SceneDraft;
import com.storymimi.studio.model.StoryDraft;
import com.storymimi.studio.service.MediaRemoval;
import com.storymimi.studio.service.OrphanedMedia;
import com.storymimi.studio.service.SupabaseMediaService;
import com.storymimi.studio.service.SupabaseObjectStorage;
import com.storymimi.studio.service.SupabaseSceneService;
import com.storymimi.studio.service.SupabaseStoryService;
import com.storymimi.studio.service.revisions.SupabaseRevisionService;
import com.storymimi.studio.service.trash.SupabaseTrashService;
import com.storymimi.studio.supabase.SupabaseClient;
import com.storymimi.studio.supabase.SupabaseConfig;
import com.storymimi.studio.ui.common.UserMessages;
import com.storymimi.studio.ui.editor.EditorContext;
import com.storymimi.studio.ui.editor.SaveState;
import com.storymimi.studio.ui.editor.SceneItem;
import com.storymimi.studio.ui.editor.StoryEditorViewModel;
import com.storymimi.studio.ui.testing.RecordingDialogs;
import com.storymimi.studio.ui.testing.TestTexts;
import com.storymimi.studio.ui.undo.EditRecorder;
import com.storymimi.studio.ui.undo.UndoHistory;
import javafx.application.Platform;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import static com.storymimi.studio.ui.testing.Fx.onFx;
import static com.storymimi.studio.ui.testing.Fx.waitUntil;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Concurrent editors in the UI (issue #19): two story editors, each with its own client and session on one
 * sandbox over HTTP (as two app windows on two machines), open the same story. The second to save a scene gets
 * the conflict dialog with the first one's text beside theirs; the second to reorder sees the first one's order
 * and a sentence; a save into a scene the other deleted is refused and kept on this computer. Nothing is silently
 * overwritten and nothing deleted comes back.
 */
@ExtendWith(ApplicationExtension.class)
class ConcurrentEditorsUiTest {

    @TempDir
    Path dir;

    private final ExecutorService io = Executors.newSingleThreadExecutor();
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
    private final List<AutoCloseable> open = new ArrayList<>();

    @Start
    void start(Stage stage) {
        stage.show();
    }

    @AfterEach
    void close() throws Exception {
        for (AutoCloseable closeable : open.reversed()) {
            closeable.close();
        }
        io.shutdownNow();
        timer.shutdownNow();
    }

    /** One editor's window: the story editor over their own signed-in client. */
    private record Window(StoryEditorViewModel editor, RecordingDialogs dialogs) {
    }

    private Window window(LocalSandbox sandbox, UUID storyId, String name) {
        SupabaseClient client = SupabaseClient.create(new SupabaseConfig(sandbox.baseUrl(), sandbox.anonKey(),
                Duration.ofSeconds(10)));
        open.add(client);
        client.auth().signInWithPassword(sandbox.editorEmail(), sandbox.editorPassword()).join();
        RecordingDialogs dialogs = new RecordingDialogs().answering(true);
        var texts = TestTexts.create();
        SupabaseObjectStorage storage = new SupabaseObjectStorage(client.storage());
        SupabaseStoryService stories = new SupabaseStoryService(client.rest());
        SupabaseSceneService scenes = new SupabaseSceneService(client.rest());
        SupabaseMediaService media = new SupabaseMediaService(client.rest(), storage, OrphanedMedia.IGNORE,
                dir.resolve("cache-" + name), io);
        EditorContext context = new EditorContext(stories, scenes, media,
                new FileDraftStore(dir.resolve("drafts-" + name), io), dialogs, new UserMessages(texts), texts,
                Platform::runLater, new ScheduledDelayScheduler(timer, Platform::runLater), Clock.systemUTC(),
                new EditRecorder(new UndoHistory(Platform::runLater, new UserMessages(texts), texts),
                        new SupabaseTrashService(client.rest(), new MediaRemoval(storage, OrphanedMedia.IGNORE)), texts),
                new SupabaseRevisionService(client.rest(), stories, scenes, media));
        StoryEditorViewModel editor = onFx(() -> {
            StoryEditorViewModel opened = new StoryEditorViewModel(storyId, name, context);
            opened.start();
            return opened;
        });
        waitUntil("the story loaded", () -> onFx(() -> editor.scenes().size()) == 3);
        return new Window(editor, dialogs);
    }

    @Test
    void theSecondEditorIsToldAndShownTheFirstOnesVersionNeverOverwritesIt() throws Exception {
        LocalSandbox sandbox = LocalSandbox.start(new SandboxOptions(dir.resolve("sandbox"), 0, false));
        open.add(sandbox);
        SupabaseClient direct = SupabaseClient.create(new SupabaseConfig(sandbox.baseUrl(), sandbox.anonKey(),
                Duration.ofSeconds(10)));
        open.add(direct);
        direct.auth().signInWithPassword(sandbox.editorEmail(), sandbox.editorPassword()).join();
        SupabaseSceneService server = new SupabaseSceneService(direct.rest());
        UUID storyId = new SupabaseStoryService(direct.rest()).createWithScenes(new StoryDraft(null, "Shared", ""),
                List.of(new SceneDraft(1, "one"), new SceneDraft(2, "two"), new SceneDraft(3, "three"))).join()
                .story().storyId();
        Window ana = window(sandbox, storyId, "ana");
        Window bruno = window(sandbox, storyId, "bruno");

        // The same scene: Ana saves first, Bruno is shown her text beside his, and his stays on his computer.
        type(ana, 0, "Ana's words");
        assertEquals(SaveState.SAVED, save(ana));
        type(bruno, 0, "Bruno's words");
        assertEquals(SaveState.DRAFT_KEPT, save(bruno));
        assertEquals(1, bruno.dialogs().conflicts.size());
        assertEquals("Ana's words", bruno.dialogs().conflicts.getFirst().theirs());
        assertEquals("Bruno's words", bruno.dialogs().conflicts.getFirst().yours());
        assertEquals("Ana's words", server.list(storyId).join().getFirst().text(), "no silent overwrite");

        // The same story's order: Ana moves scene 3 to the top; Bruno's move from the old order is refused.
        onFx(() -> {
            ana.editor().select(ana.editor().scenes().get(2));
            ana.editor().moveSelected(-1);
            return null;
        });
        waitUntil("Ana's move on the server", () -> texts(server.list(storyId).join()).equals(List.of("Ana's words", "three", "two")));
        onFx(() -> {
            bruno.editor().select(bruno.editor().scenes().get(1));
            bruno.editor().moveSelected(-1);
            return null;
        });
        waitUntil("Bruno told", () -> !bruno.dialogs().errors.isEmpty());
        assertEquals("Someone else reordered these scenes meanwhile. Their order is shown now; make your move again.",
                bruno.dialogs().errors.getFirst());
        assertEquals(List.of("Ana's words", "three", "two"), texts(server.list(storyId).join()));
        List<UUID> anasOrder = server.list(storyId).join().stream().map(Scene::sceneId).toList();
        waitUntil("Bruno's strip shows Ana's order",
                () -> onFx(() -> bruno.editor().scenes().stream().map(SceneItem::sceneId).toList()).equals(anasOrder));

        // Delete what the other edits: Ana deletes scene "two"; Bruno's save into it is refused and kept.
        onFx(() -> {
            ana.editor().select(ana.editor().scenes().get(2));
            ana.editor().deleteSelected();
            return null;
        });
        waitUntil("Ana's delete on the server", () -> server.list(storyId).join().size() == 2);
        type(bruno, 2, "Bruno's second thoughts");
        assertEquals(SaveState.DRAFT_KEPT, save(bruno));
        assertEquals("Not saved: This scene no longer exists. The text is kept on this computer.",
                onFx(() -> bruno.editor().saveStateTextProperty().get()));
        assertEquals(List.of("Ana's words", "three"), texts(server.list(storyId).join()), "nothing deleted came back");
    }

    private static List<String> texts(List<Scene> scenes) {
        return scenes.stream().map(Scene::text).toList();
    }

    private static void type(Window window, int index, String text) {
        onFx(() -> {
            SceneItem item = window.editor().scenes().get(index);
            window.editor().select(item);
            window.editor().textProperty().set(text);
            return null;
        });
    }

    /** Ctrl+S; the state once the save ended. */
    private static SaveState save(Window window) throws Exception {
        onFx(window.editor()::saveNow).exceptionally(failure -> null).get(30, TimeUnit.SECONDS);
        waitUntil("the save ended", () -> onFx(() -> window.editor().saveStateProperty().get() != SaveState.SAVING));
        return onFx(() -> window.editor().saveStateProperty().get());
    }
}
