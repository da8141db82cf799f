package com.storymimi.studio.app;

import com.storymimi.studio.service.MediaRemoval;
import com.storymimi.studio.service.trash.SupabaseTrashService;
import com.storymimi.studio.ui.undo.EditRecorder;
import com.storymimi.studio.ui.undo.UndoHistory;
import com.storymimi.studio.bench.PulseGapProbe;
import com.storymimi.studio.local.LocalSandbox;
import com.storymimi.studio.local.SandboxOptions;
import com.storymimi.studio.model.Scene;
import com.storymimi.studio.model.SceneDraft;
import com.storymimi.studio.model.StoryDraft;
import com.storymimi.studio.service.OrphanedMedia;
import com.storymimi.studio.service.SupabaseMediaService;
import com.storymimi.studio.service.SupabaseObjectStorage;
import com.storymimi.studio.service.SupabaseSceneService;
import com.storymimi.studio.service.SupabaseStoryService;
import com.storymimi.studio.supabase.SupabaseClient;
import com.storymimi.studio.supabase.SupabaseConfig;
import com.storymimi.studio.supabase.http.RetryPolicy;
import com.storymimi.studio.supabase.testing.FaultProxy;
import com.storymimi.studio.ui.common.UserMessages;
import com.storymimi.studio.ui.editor.EditorContext;
import com.storymimi.studio.ui.editor.SaveState;
import com.storymimi.studio.ui.editor.SceneItem;
import com.storymimi.studio.ui.editor.StoryEditorViewModel;
import com.storymimi.studio.ui.testing.RecordingDialogs;
import com.storymimi.studio.ui.testing.TestTexts;
import javafx.application.Platform;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static com.storymimi.studio.ui.testing.Fx.onFx;
import static com.storymimi.studio.ui.testing.Fx.waitUntil;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The faults suite through the UI's ViewModel (issue #19): the story editor, on the real FX thread, with the real
 * services behind a proxy that faults 30% of requests. The editor types into scenes and moves them; when a save
 * fails they press Ctrl+S again, as the editor tells them to. Afterwards the server holds exactly what the editor
 * shows (every scene's last text, the strip's order), no draft is left, no conflict was ever asked, and no pulse of
 * the FX thread waited over 50 ms on the app's own code.
 */
@ExtendWith(ApplicationExtension.class)
class FaultedEditorSessionTest {

    @TempDir
    Path dir;

    private final Random random = new Random(29);
    private final AtomicInteger faults = new AtomicInteger();

    @Start
    void start(Stage stage) {
        stage.show();
    }


    @Test
    void editsAndMovesThroughAFaultyNetworkEndAsTheEditorShowsThem() throws Exception {
        int operations = Integer.getInteger("storymimi.soak.editorOperations", 120);
        ExecutorService io = Executors.newSingleThreadExecutor();
        ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
        RecordingDialogs dialogs = new RecordingDialogs();
        try (LocalSandbox sandbox = LocalSandbox.start(new SandboxOptions(dir.resolve("sandbox"), 0, false));
             FaultProxy proxy = new FaultProxy(sandbox.baseUrl().getPort(), FaultProxy.thirtyPercent(29, faults));
             SupabaseClient faulty = SupabaseClient.builder(new SupabaseConfig(proxy.uri(), sandbox.anonKey(),
                     Duration.ofMillis(500))).retryPolicy(new RetryPolicy(3, Duration.ofMillis(20), Duration.ofSeconds(1)))
                     .build();
             SupabaseClient direct = SupabaseClient.create(new SupabaseConfig(sandbox.baseUrl(), sandbox.anonKey(),
                     Duration.ofSeconds(10)))) {
            direct.auth().signInWithPassword(sandbox.editorEmail(), sandbox.editorPassword()).join();
            UUID storyId = new SupabaseStoryService(direct.rest()).createWithScenes(new StoryDraft(null, "Faulted", ""), List.of(
                    new SceneDraft(1, "one"), new SceneDraft(2, "two"), new SceneDraft(3, "three"),
                    new SceneDraft(4, "four"))).join().story().storyId();
            for (int tries = 0; faulty.auth().currentSession().isEmpty() && tries < 30; tries++) {
                faulty.auth().signInWithPassword(sandbox.editorEmail(), sandbox.editorPassword())
                        .exceptionally(failure -> null).join();
            }
            SupabaseObjectStorage storage = new SupabaseObjectStorage(faulty.storage());
            var texts = TestTexts.create();
            SupabaseMediaService media = new SupabaseMediaService(faulty.rest(), storage, OrphanedMedia.IGNORE,
                    dir.resolve("cache"), io);
            EditorContext context = new EditorContext(
                    new SupabaseStoryService(faulty.rest()),
                    new SupabaseSceneService(faulty.rest()),
                    media,
                    new FileDraftStore(dir.resolve("drafts"), io), dialogs, new UserMessages(texts), texts,
                    Platform::runLater, new ScheduledDelayScheduler(timer, Platform::runLater), Clock.systemUTC(),
                    new EditRecorder(new UndoHistory(Platform::runLater, new UserMessages(texts), texts),
                            new SupabaseTrashService(faulty.rest(), new MediaRemoval(storage, OrphanedMedia.IGNORE)),
                            texts),
                    new com.storymimi.studio.service.revisions.SupabaseRevisionService(faulty.rest(),
                            new SupabaseStoryService(faulty.rest()), new SupabaseSceneService(faulty.rest()), media));
            StoryEditorViewModel editor = onFx(() -> {
                StoryEditorViewModel opened = new StoryEditorViewModel(storyId, "editor", context);
                opened.start();
                return opened;
            });
            for (int tries = 0; onFx(() -> editor.scenes().size()) < 4 && tries < 30; tries++) {
                waitUntil("the story loaded", () -> onFx(() -> !editor.loadCommand().runningProperty().get()));
                if (onFx(() -> editor.scenes().size()) < 4) {
                    onFx(() -> { editor.loadCommand().restart(); return null; });
                }
            }
            PulseGapProbe probe = new PulseGapProbe();
            probe.start();

            for (int i = 0; i < operations; i++) {
                int index = random.nextInt(4);
                if (random.nextInt(100) < 80) {
                    String text = "text " + i;
                    onFx(() -> {
                        editor.select(editor.scenes().get(index));
                        editor.textProperty().set(text);
                        return null;
                    });
                    saveUntilSaved(editor);
                } else {
                    onFx(() -> {
                        editor.select(editor.scenes().get(index));
                        editor.moveSelected(index == 3 ? -1 : +1);
                        return null;
                    });
                    waitUntil("the move ended", () -> onFx(() -> !editor.reorderingProperty().get()));
                }
            }
            PulseGapProbe.Phase session = probe.phase("faulted editing session");
            probe.stop();

            List<String> shown = onFx(() -> editor.scenes().stream().map(SceneItem::scene).map(Scene::text).toList());
            List<String> stored = new SupabaseSceneService(direct.rest()).list(storyId).join().stream().map(Scene::text).toList();
            System.out.printf("editor faults suite: %d operations, %d faults, %s%n", operations, faults.get(), session.line());
            assertEquals(shown, stored, "the server holds what the editor shows, in the strip's order");
            assertEquals(List.of(), dialogs.conflicts, "no conflict with our own repeated saves");
            assertEquals(List.of(), new FileDraftStore(dir.resolve("drafts"), io).forStory(storyId).join(),
                    "every draft reached the server");
            assertTrue(faults.get() > operations / 4, "faults were injected: " + faults.get());
            List<String> ours = session.stalls().stream().filter(stack -> stack.contains("com.storymimi")).toList();
            assertEquals(List.of(), ours, "no FX pulse waited over 50 ms on the app's code");
        } finally {
            io.shutdownNow();
            timer.shutdownNow();
        }
    }

    /** Ctrl+S until the editor says the text is saved, as the save-failed line asks. */
    private static void saveUntilSaved(StoryEditorViewModel editor) throws Exception {
        for (int tries = 0; tries < 40; tries++) {
            CompletableFuture<Void> saved = onFx(editor::saveNow);
            saved.exceptionally(failure -> null).get(30, TimeUnit.SECONDS);
            waitUntil("the save ended", () -> onFx(() -> editor.saveStateProperty().get() != SaveState.SAVING));
            if (onFx(() -> editor.saveStateProperty().get()) == SaveState.SAVED) {
                return;
            }
        }
        throw new AssertionError("still not saved after 40 presses of Ctrl+S");
    }
}
