package com.storymimi.studio.bench;

import com.storymimi.studio.app.AppPaths;
import com.storymimi.studio.app.StudioApp;
import com.storymimi.studio.local.LocalSandbox;
import com.storymimi.studio.local.SandboxOptions;
import com.storymimi.studio.model.MediaKind;
import com.storymimi.studio.model.Scene;
import com.storymimi.studio.model.SceneDraft;
import com.storymimi.studio.model.StoryDetail;
import com.storymimi.studio.model.StoryDraft;
import com.storymimi.studio.model.StoryRow;
import com.storymimi.studio.service.OrphanedMedia;
import com.storymimi.studio.service.SupabaseMediaService;
import com.storymimi.studio.service.SupabaseObjectStorage;
import com.storymimi.studio.service.SupabaseStoryService;
import com.storymimi.studio.supabase.SupabaseClient;
import com.storymimi.studio.supabase.SupabaseConfig;
import com.storymimi.studio.ui.testing.MediaSamples;
import javafx.event.Event;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.image.ImageView;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.HBox;
import javafx.stage.Stage;
import javafx.stage.Window;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.Executors;

import static com.storymimi.studio.bench.FxStallBench.node;
import static com.storymimi.studio.bench.FxStallBench.onFx;
import static com.storymimi.studio.bench.FxStallBench.waitFor;
import static com.storymimi.studio.bench.FxStallBench.waitUntil;

/**
 * FX-thread stalls while the storyboard player plays a 100-scene story (issue 21), in the real window on the app's
 * own sandbox: a story of 100 scenes, each with its own noise PNG (incompressible, the slowest to decode) and WAV
 * narration, written through the services; the app started as the launcher does, the story opened and played
 * with F5's button. With a {@link PulseGapProbe} running: an idle baseline in the editor, a blank full-screen
 * window opened as a baseline for opening one, opening the player,
 * stepping through all 100 scenes with → every 250 ms (a skimming editor: each step decodes a full image and
 * builds a native player), jumping to 20 random thumbnails, playing 4 scenes by themselves, and Esc. Prints each
 * phase's pulse gaps (p50, p99, max) and the worst gap against the idle baseline's. See docs/benchmarks.md,
 * "Storyboard player". Args: [scenes (100)] [image width (1024)] [image height (683)].
 * Run with a display (Xvfb + GTK) and ALSA's null device:
 * <pre>
 * XDG_CONFIG_HOME=$PWD/src/test/alsa DISPLAY=:95 java -Dglass.platform=gtk --enable-native-access=ALL-UNNAMED \
 *     -cp target/test-classes:target/classes:$(cat target/cp.txt) com.storymimi.studio.bench.StoryboardStallBench
 * </pre>
 */
public final class StoryboardStallBench {

    private static final String TITLE = "The hundred lanterns";

    private StoryboardStallBench() {
    }

    public static void main(String[] args) throws Exception {
        int scenes = args.length > 0 ? Integer.parseInt(args[0]) : 100;
        int width = args.length > 1 ? Integer.parseInt(args[1]) : 1024;
        int height = args.length > 2 ? Integer.parseInt(args[2]) : 683;
        FxStallBench.inTemporaryHome("storymimi-player-stall", (home, paths) -> {
            long bytes = fill(paths.sandboxDir(), home.resolve("sources"), scenes, width, height);
            System.out.printf(Locale.ROOT, "story: %d scenes, %dx%d noise PNGs and 3 s WAVs, %.1f MB%n",
                    scenes, width, height, bytes / 1e6);
            run(paths, scenes);
        });
    }

    /** The story with its media, through the same services the app uses; the bytes of media written. */
    private static long fill(Path sandboxDir, Path sources, int count, int width, int height) throws Exception {
        Files.createDirectories(sources);
        var io = Executors.newVirtualThreadPerTaskExecutor();
        try (LocalSandbox sandbox = LocalSandbox.start(new SandboxOptions(sandboxDir, 0, true));
             SupabaseClient client = SupabaseClient.create(
                     new SupabaseConfig(sandbox.baseUrl(), sandbox.anonKey(), Duration.ofSeconds(120)))) {
            client.auth().signInWithPassword(sandbox.editorEmail(), sandbox.editorPassword()).join();
            SupabaseStoryService stories = new SupabaseStoryService(client.rest());
            SupabaseMediaService media = new SupabaseMediaService(client.rest(),
                    new SupabaseObjectStorage(client.storage()), OrphanedMedia.IGNORE, sources.resolve("cache"), io);
            List<SceneDraft> drafts = new ArrayList<>();
            for (int i = 1; i <= count; i++) {
                drafts.add(new SceneDraft(i, "Lantern " + i + " floated over the sleeping village, and the owl "
                        + "counted it with a soft hoot before the next one rose."));
            }
            StoryDetail story = stories.createWithScenes(new StoryDraft(null, TITLE, "a hundred scenes"), drafts).join();
            long bytes = 0;
            for (Scene scene : story.scenes()) {
                Path image = Files.write(sources.resolve(scene.sequence() + ".png"),
                        FxStallBench.noisePng(width, height, scene.sequence()));
                Path audio = Files.write(sources.resolve(scene.sequence() + ".wav"),
                        MediaSamples.wav(3, 220 + 4 * scene.sequence()));
                bytes += Files.size(image) + Files.size(audio);
                Scene withImage = media.attach(scene, MediaKind.IMAGE, image, sent -> { }).join();
                media.attach(withImage, MediaKind.AUDIO, audio, sent -> { }).join();
            }
            return bytes;
        } finally {
            io.close();
        }
    }

    private static void run(AppPaths paths, int scenes) throws Exception {
        FxStallBench.RunningApp running = FxStallBench.startApp(paths);
        StudioApp app = running.app();
        Stage stage = running.stage();
        System.out.println("glass platform: " + System.getProperty("glass.platform", "(default)")
                + ", window " + onFx(() -> stage.getWidth() + "x" + stage.getHeight()));
        PulseGapProbe probe = new PulseGapProbe();
        List<PulseGapProbe.Phase> phases = new ArrayList<>();

        ToggleButton storiesButton = waitFor(stage, "#storiesButton", ToggleButton.class);
        onFx(storiesButton::fire);
        TableView<StoryRow> table = waitFor(stage, "#storiesTable", TableView.class);
        waitUntil(() -> onFx(() -> table.getItems().stream().anyMatch(r -> r.story().title().equals(TITLE))), 30);
        onFx(() -> {
            table.getSelectionModel().select(table.getItems().stream()
                    .filter(r -> r.story().title().equals(TITLE)).findFirst().orElseThrow());
            table.requestFocus();
            table.fireEvent(new KeyEvent(KeyEvent.KEY_PRESSED, "", "", KeyCode.ENTER, false, false, false, false));
        });
        TextField title = waitFor(stage, "#titleField", TextField.class);
        waitUntil(() -> onFx(() -> TITLE.equals(title.getText())), 30);
        Thread.sleep(4000); // the editor's first image and its strip's thumbnails
        probe.start();
        Thread.sleep(5000);
        PulseGapProbe.Phase idle = probe.phase("baseline: idle editor (5 s)");
        phases.add(idle);

        Stage blank = onFx(() -> {
            Stage window = new Stage();
            window.initOwner(stage);
            javafx.scene.Scene scene = new javafx.scene.Scene(new javafx.scene.layout.StackPane(), 1280, 800);
            scene.getStylesheets().setAll(stage.getScene().getStylesheets());
            window.setScene(scene);
            window.setFullScreen(true);
            window.show();
            return window;
        });
        Thread.sleep(2000);
        PulseGapProbe.Phase blankOpen = probe.phase("baseline: open a blank full-screen window (+2 s)");
        phases.add(blankOpen);
        onFx(blank::close);
        Thread.sleep(1000);
        probe.phase("(close it)");

        onFx(node(stage, "#playButtonStory", Button.class)::fire);
        waitUntil(() -> onFx(() -> player().isPresent()), 30);
        Window player = onFx(() -> player().orElseThrow());
        Node root = onFx(() -> player.getScene().getRoot());
        ImageView image = onFx(() -> (ImageView) root.lookup("#imageView"));
        Label position = onFx(() -> (Label) root.lookup(".storyboard-muted"));
        waitUntil(() -> onFx(() -> image.getImage() != null && image.getImage().getProgress() == 1.0), 30);
        key(root, KeyCode.SPACE); // paused: the steps below are the editor's, not the timer's
        Thread.sleep(2000);
        PulseGapProbe.Phase open = probe.phase("open the player: scene 1, the strip (+2 s)");
        phases.add(open);

        for (int i = 2; i <= scenes; i++) {
            key(root, KeyCode.RIGHT);
            String expected = "Scene " + i + " of " + scenes;
            waitUntil(() -> onFx(() -> expected.equals(position.getText())), 10);
            Thread.sleep(250);
        }
        waitUntil(() -> onFx(() -> image.getImage() != null && image.getImage().getProgress() == 1.0), 30);
        phases.add(probe.phase("step through " + (scenes - 1) + " scenes with → every 250 ms"));

        Random random = new Random(21);
        HBox strip = onFx(() -> (HBox) root.lookup("#strip"));
        for (int i = 0; i < 20; i++) {
            int target = random.nextInt(scenes);
            onFx(() -> Event.fireEvent(strip.getChildren().get(target), new MouseEvent(MouseEvent.MOUSE_CLICKED,
                    0, 0, 0, 0, MouseButton.PRIMARY, 1, false, false, false, false, true, false, false, true, false,
                    false, null)));
            String expected = "Scene " + (target + 1) + " of " + scenes;
            waitUntil(() -> onFx(() -> expected.equals(position.getText())), 10);
            Thread.sleep(400);
        }
        phases.add(probe.phase("jump to 20 random thumbnails, one every 400 ms"));

        key(root, KeyCode.HOME);
        key(root, KeyCode.SPACE); // play
        waitUntil(() -> onFx(() -> ("Scene 5 of " + scenes).equals(position.getText())), 60);
        phases.add(probe.phase("play scenes 1 to 4 by themselves"));

        key(root, KeyCode.ESCAPE);
        waitUntil(() -> onFx(() -> player().isEmpty()), 10);
        Thread.sleep(1000);
        phases.add(probe.phase("Esc: back in the editor (+1 s)"));
        probe.stop();

        System.out.println();
        phases.forEach(p -> System.out.println(p.line()));
        double worst = phases.stream().skip(3).mapToDouble(PulseGapProbe.Phase::max).max().orElseThrow();
        System.out.printf(Locale.ROOT, "opening the player: worst gap %.1f ms, %.2fx a blank full-screen window's %.1f ms%n",
                open.max(), open.max() / blankOpen.max(), blankOpen.max());
        System.out.printf(Locale.ROOT, "playing (steps, jumps, by itself, Esc): worst gap %.1f ms, %.2fx the idle"
                + " editor's %.1f ms; goal <= %.0f ms%n", worst, worst / idle.max(), idle.max(), PulseGapProbe.STALL_MS);
        for (PulseGapProbe.Phase p : phases) {
            for (String stack : p.stalls()) {
                System.out.println("stall in '" + p.name() + "': FX thread was" + stack);
            }
        }
        onFx(() -> {
            app.stop();
            return null;
        });
    }

    private static void key(Node root, KeyCode code) throws Exception {
        onFx(() -> root.fireEvent(new KeyEvent(KeyEvent.KEY_PRESSED, "", "", code, false, false, false, false)));
    }

    private static Optional<Window> player() {
        return Window.getWindows().stream().filter(Window::isShowing)
                .filter(w -> w.getScene() != null && w.getScene().getRoot().getStyleClass().contains("storyboard"))
                .findFirst();
    }
}
